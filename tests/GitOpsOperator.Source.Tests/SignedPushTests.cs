using GitOpsOperator.Source.Push;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Verification;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class SignedPushTests(GitServers servers, SigningKeys keys) : IClassFixture<SigningKeys>
{
    [Theory]
    [InlineData("rsa")]
    [InlineData("ed25519")]
    public async Task Signed_release_commit_is_accepted_by_a_verifying_repository_and_by_git_verify_commit(string algorithm)
    {
        var fingerprint = algorithm == "rsa" ? keys.TrustedFingerprint : keys.Ed25519Fingerprint;
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        var url = servers.Daemon.Url(repo.Name);
        using var pusher = servers.NewPusher();

        var pushed = (await pusher.PushAsync(
            Releases.Request(url, Releases.Write("app.yaml", "image: app:1.1.0\n"), signingKey: await keys.ArmoredSecretKeyAsync(fingerprint)),
            CancellationToken.None)).Succeeds();

        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(url) with { VerifyKeys = Trusted() }, CancellationToken.None)).Succeeds();
        Assert.Equal(pushed.Commit, artifact.CommitSha);
        await Cli.RunAsync("git", ["--git-dir", repo.GitDir, "verify-commit", pushed.Commit!], keys.Environment);
        Assert.Equal(
            $"G {fingerprint}",
            await Cli.RunAsync("git", ["--git-dir", repo.GitDir, "log", "-1", "--format=%G? %GF", pushed.Commit!], keys.Environment));
    }

    [Fact]
    public async Task Signing_key_tells_whether_a_verifying_repository_trusts_it()
    {
        var trusted = CommitSigningKey.Parse(await keys.ArmoredSecretKeyAsync(keys.TrustedFingerprint)).Value!;
        var stranger = CommitSigningKey.Parse(await keys.ArmoredSecretKeyAsync(keys.UntrustedFingerprint)).Value!;

        Assert.True(trusted.IsTrustedBy(Trusted()));
        Assert.False(stranger.IsTrustedBy(Trusted()));
        Assert.Equal(keys.TrustedFingerprint, trusted.Fingerprint);
    }

    [Fact]
    public async Task Signing_key_that_is_not_a_private_key_is_invalid_and_nothing_is_pushed()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        var publicKey = System.Text.Encoding.ASCII.GetString(keys.TrustedSecretData["rsa.asc"]);
        using var pusher = servers.NewPusher();
        var edits = 0;

        var result = await pusher.PushAsync(
            Releases.Request(servers.Daemon.Url(repo.Name), (_, _) => Task.FromResult(new EditOutcome($"edit {++edits}")), signingKey: publicKey),
            CancellationToken.None);

        Assert.Equal(PushFailureReason.InvalidSpec, result.Reason);
        Assert.Contains("not an ASCII-armored OpenPGP private key", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, edits);
        Assert.Equal(first, await repo.TipAsync());
    }

    [Fact]
    public async Task Signing_key_protected_by_a_passphrase_is_invalid_without_being_quoted()
    {
        string[] passphrase = ["--batch", "--pinentry-mode", "loopback", "--passphrase", "pa55phrase"];
        await Cli.RunAsync("gpg", [.. passphrase, "--quick-gen-key", "Locked <locked@example.com>", "ed25519", "default", "never"], keys.Environment);
        var armored = await Cli.RunAsync("gpg", [.. passphrase, "--armor", "--export-secret-keys", "locked@example.com"], keys.Environment);

        var result = CommitSigningKey.Parse(armored);

        Assert.Equal(FailureReason.InvalidSpec, result.Failure?.Reason);
        Assert.Contains("protected by a passphrase", result.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PGP", result.Failure.Message, StringComparison.Ordinal);
    }

    private TrustedKeys Trusted() => TrustedKeys.FromSecretData("git-trusted-keys", keys.TrustedSecretData).Value!;
}
