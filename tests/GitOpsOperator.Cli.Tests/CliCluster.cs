using GitOpsOperator.Tests.EndToEnd;

namespace GitOpsOperator.Cli.Tests;

/// <summary>
/// The end-to-end stack (emulator, operator, git daemon, a working clone) and the installed tool on PATH; each command runs
/// as <c>kubectl gitops …</c> through the real kubectl, which finds the plugin on PATH.
/// </summary>
public sealed class CliCluster : IAsyncLifetime
{
    private GitOpsCluster? cluster;
    private string toolDirectory = "";

    internal GitOpsCluster Cluster => cluster ?? throw new InvalidOperationException("not started");

    public string Kubeconfig => Cluster.Kubeconfig;

    public async Task InitializeAsync()
    {
        toolDirectory = await InstalledTool.DirectoryAsync();
        cluster = await GitOpsCluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary><c>kubectl gitops ARGS --kubeconfig K</c> (kubectl's flags after the plugin name, as kubectl requires).</summary>
    public Task<CommandResult> GitOpsAsync(params string[] args) => PluginAsync(null, [.. args, "--kubeconfig", Kubeconfig]);

    /// <summary><c>kubectl gitops ARGS</c> as given, no kubeconfig added.</summary>
    public Task<CommandResult> PluginAsync(string? input, params string[] args) =>
        ProcessRunner.RunAsync(new ProcessCommand("kubectl", ["gitops", .. args])
        {
            Input = input,
            Environment = new Dictionary<string, string> { ["PATH"] = $"{toolDirectory}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}" },
            Timeout = TimeSpan.FromMinutes(3),
        });

    /// <summary>A directory of manifest files (a local checkout of a GitSync's path), paths relative to it.</summary>
    public static string Checkout(params (string Path, string Content)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("checkout-").FullName;
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, path))!);
            File.WriteAllText(Path.Combine(directory, path), content);
        }

        return directory;
    }
}

/// <summary>One stack and one installed tool for every CLI test; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliCluster>
{
    public const string Name = "kubectl gitops";
}
