using System.Text;

namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>Throwaway OpenPGP keys in a private GNUPGHOME: two the tests trust (RSA and Ed25519), one they do not.</summary>
public sealed class SigningKeys : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("gitops-gnupg-").FullName;

    public string TrustedFingerprint { get; private set; } = string.Empty;

    public string Ed25519Fingerprint { get; private set; } = string.Empty;

    public string UntrustedFingerprint { get; private set; } = string.Empty;

    /// <summary>The verify Secret's data: the trusted keys, ASCII-armored, one per Secret key.</summary>
    public IReadOnlyDictionary<string, byte[]> TrustedSecretData { get; private set; } = new Dictionary<string, byte[]>();

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["GNUPGHOME"] = _home };

    public async Task InitializeAsync()
    {
        TrustedFingerprint = await GenerateAsync("Trusted <trusted@example.com>", "default");
        Ed25519Fingerprint = await GenerateAsync("Modern <modern@example.com>", "ed25519");
        UntrustedFingerprint = await GenerateAsync("Stranger <stranger@example.com>", "default");
        TrustedSecretData = new Dictionary<string, byte[]>
        {
            ["rsa.asc"] = await ArmoredAsync(TrustedFingerprint),
            ["ed25519.asc"] = await ArmoredAsync(Ed25519Fingerprint),
        };
    }

    /// <summary>The key's secret part, ASCII-armored and without passphrase: what a signingKey Secret's "git.asc" holds.</summary>
    public Task<string> ArmoredSecretKeyAsync(string fingerprint) =>
        Cli.RunAsync("gpg", ["--batch", "--pinentry-mode", "loopback", "--passphrase", string.Empty, "--armor", "--export-secret-keys", fingerprint], Environment);

    /// <summary>git options that sign a commit with the key.</summary>
    public IReadOnlyList<string> SignWith(string fingerprint) => ["-S" + fingerprint];

    public Task DisposeAsync()
    {
        Directory.Delete(_home, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<byte[]> ArmoredAsync(string fingerprint) =>
        Encoding.ASCII.GetBytes(await Cli.RunAsync("gpg", ["--batch", "--armor", "--export", fingerprint], Environment));

    private async Task<string> GenerateAsync(string userId, string algorithm)
    {
        await Cli.RunAsync("gpg", ["--batch", "--passphrase", string.Empty, "--quick-gen-key", userId, algorithm, "default", "never"], Environment);
        var listing = await Cli.RunAsync("gpg", ["--batch", "--with-colons", "--list-secret-keys", userId], Environment);
        return listing.Split('\n').First(line => line.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }
}
