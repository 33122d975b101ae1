using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitOpsOperator.Manifests.Tools;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// The sandbox's image registry: Debian's docker-registry on loopback (port 5000 when free), storing under
/// .sandbox/registry, and an OCI layout at .sandbox/images holding one empty image, <see cref="LayoutImage"/>, that
/// skopeo pushes under any tag. Started only when docker-registry, skopeo and umoci are on PATH; killed on dispose.
/// </summary>
public sealed class SandboxRegistry : IAsyncDisposable
{
    public const int PreferredPort = 5000;
    public const string Repository = "demo/web";
    public const string FirstTag = "1.0.0";
    public const string LayoutImage = "base";

    /// <summary>What the registry part needs, as Debian and Ubuntu name the packages and the commands alike.</summary>
    public static readonly IReadOnlyList<string> Tools = ["docker-registry", "skopeo", "umoci"];

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(1);
    private const long ToolOutputLimit = 1 << 20;

    private readonly Process process;
    private readonly StringBuilder log = new();

    private SandboxRegistry(Process process, string address)
    {
        this.process = process;
        Address = address;
    }

    /// <summary>host:port of the registry.</summary>
    public string Address { get; }

    /// <summary>The demo app's image repository in this registry.</summary>
    public string Image => $"{Address}/{Repository}";

    /// <summary>The tools of <see cref="Tools"/> that are not on PATH.</summary>
    public static IReadOnlyList<string> MissingTools() => [.. Tools.Where(tool => OnPath(tool) is null)];

    /// <summary>Starts the registry, makes the OCI layout on first use and pushes <see cref="FirstTag"/> of the demo image.</summary>
    public static async Task<SandboxRegistry> StartAsync(SandboxLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var port = LoopbackPorts.PreferredOrFree(PreferredPort);
        var config = await WriteConfigAsync(layout, port, cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo(OnPath("docker-registry")!)
        {
            ArgumentList = { "serve", config },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var registry = new SandboxRegistry(Process.Start(start) ?? throw new SandboxException("docker-registry could not be started"), $"127.0.0.1:{port}");
        try
        {
            registry.CollectLog();
            await registry.WaitServingAsync(cancellationToken).ConfigureAwait(false);
            await EnsureLayoutAsync(layout, cancellationToken).ConfigureAwait(false);
            await PushAsync(layout, registry.Image, FirstTag, cancellationToken).ConfigureAwait(false);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The command that pushes the layout's image to <paramref name="image"/> under a new tag, as the user types it.</summary>
    public static string PushCommand(SandboxLayout layout, string image, string tag)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return string.Join(' ', SkopeoCopy(layout.Display(layout.Images), image, tag).Prepend("skopeo"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        process.Dispose();
    }

    private static async Task<string> WriteConfigAsync(SandboxLayout layout, int port, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(layout.Registry, "data"));
        var config = Path.Combine(layout.Registry, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(layout.Registry, "data")}
            http:
              addr: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}

            """, cancellationToken).ConfigureAwait(false);
        return config;
    }

    private static async Task EnsureLayoutAsync(SandboxLayout layout, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(layout.Images, "index.json")))
        {
            return;
        }

        await RunAsync("umoci", ["init", "--layout", layout.Images], cancellationToken).ConfigureAwait(false);
        await RunAsync("umoci", ["new", "--image", $"{layout.Images}:{LayoutImage}"], cancellationToken).ConfigureAwait(false);
    }

    private static Task PushAsync(SandboxLayout layout, string image, string tag, CancellationToken cancellationToken) =>
        RunAsync("skopeo", SkopeoCopy(layout.Images, image, tag), cancellationToken);

    // --insecure-policy: a machine without /etc/containers/policy.json still copies; the registry is plain http on loopback.
    private static string[] SkopeoCopy(string images, string image, string tag) =>
        ["--insecure-policy", "copy", "--dest-tls-verify=false", $"oci:{images}:{LayoutImage}", $"docker://{image}:{tag}"];

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var run = await ToolProcess.RunAsync(
            tool, [OnPath(tool)!], arguments, Directory.GetCurrentDirectory(), new Dictionary<string, string>(), ToolTimeout, ToolOutputLimit, cancellationToken).ConfigureAwait(false);
        if (!run.Succeeded)
        {
            throw new SandboxException($"{tool} {string.Join(' ', arguments)} failed: {run.Failure ?? GitCli.FirstLine(run.Stderr)}");
        }
    }

    private void CollectLog()
    {
        DataReceivedEventHandler keep = (_, line) =>
        {
            lock (log)
            {
                log.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task WaitServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var giveUp = DateTime.UtcNow + StartDeadline;
        while (!process.HasExited && DateTime.UtcNow < giveUp)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Address}/v2/"), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        lock (log)
        {
            throw new SandboxException($"docker-registry did not serve on {Address}: {GitCli.FirstLine(log.ToString())}");
        }
    }

    private static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
