using System.Globalization;

namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>
/// Debian's docker-registry (distribution 2.8) on 127.0.0.1 with filesystem storage in a temp directory, anonymous,
/// behind htpasswd (bcrypt from apache2-utils' htpasswd -B) or behind token auth (a <see cref="TokenIssuer"/> whose
/// certificate the registry's rootcertbundle trusts), optionally sending its push notifications to a webhook.
/// Removed on dispose.
/// </summary>
public sealed class DistributionRegistry : IAsyncDisposable
{
    public const string Username = "registry-user";
    public const string Password = "registry-pa55";
    public const string Executable = "/usr/bin/docker-registry";

    private readonly RunningCommand process;
    private readonly string root;
    private readonly TokenIssuer? issuer;

    private DistributionRegistry(RunningCommand process, string root, string address, TokenIssuer? issuer)
    {
        this.process = process;
        this.root = root;
        this.issuer = issuer;
        Address = address;
    }

    /// <summary>host:port of the registry.</summary>
    public string Address { get; }

    /// <summary>The token issuer's request count (token auth only).</summary>
    public int TokensIssued => issuer?.Issued ?? 0;

    /// <summary>Starts it; with <paramref name="notify"/>, every push is notified as distribution does it.</summary>
    public static async Task<DistributionRegistry> StartAsync(RegistryAuth auth, RegistryNotification? notify = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var port = FreePort.Next();
        TokenIssuer? issuer = null;
        var authSection = "";
        switch (auth)
        {
            case RegistryAuth.Htpasswd:
                var hashed = await ProcessRunner.RunAsync(new ProcessCommand(ProcessRunner.OnPath("htpasswd"), ["-Bbn", Username, Password]));
                Assert.True(hashed.Succeeded, hashed.ToString());
                await File.WriteAllTextAsync(Path.Combine(root, "htpasswd"), hashed.Stdout.Trim() + "\n");
                authSection = $"""
                    auth:
                      htpasswd:
                        realm: test-registry
                        path: {Path.Combine(root, "htpasswd")}
                    """;
                break;
            case RegistryAuth.Token:
                issuer = await TokenIssuer.StartAsync(Username, Password);
                await File.WriteAllTextAsync(Path.Combine(root, "root.pem"), issuer.CertificatePem);
                authSection = $"""
                    auth:
                      token:
                        realm: {issuer.Realm}
                        service: {TokenIssuer.Service}
                        issuer: {TokenIssuer.Issuer}
                        rootcertbundle: {Path.Combine(root, "root.pem")}
                    """;
                break;
        }

        var config = Path.Combine(root, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(root, "data")}
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}
            {authSection}
            {notify?.ConfigSection ?? ""}
            """);
        var process = ProcessRunner.Start(new ProcessCommand(Executable, ["serve", config]));
        var registry = new DistributionRegistry(process, root, $"127.0.0.1:{port}", issuer);
        await registry.WaitUntilServingAsync();
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        process.Dispose();
        if (issuer is not null)
        {
            await issuer.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Address}/v2/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"docker-registry did not serve on {Address}: {string.Join('\n', process.Lines)}");
    }
}
