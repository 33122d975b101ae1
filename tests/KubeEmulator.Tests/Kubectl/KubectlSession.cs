using KubeEmulator.Controllers;

namespace KubeEmulator.Tests.Kubectl;

/// <summary>A fresh cluster and a kubectl pointed at it; manifests and charts come from the test output folder.</summary>
internal sealed class KubectlSession : IAsyncDisposable
{
    private KubectlSession(EmulatedCluster cluster)
    {
        Cluster = cluster;
        Kubectl = new KubectlRunner(cluster.KubeconfigPath);
    }

    public EmulatedCluster Cluster { get; }

    public KubectlRunner Kubectl { get; }

    public static string Manifests => Path.Combine(AppContext.BaseDirectory, "manifests");

    public static async Task<KubectlSession> StartAsync(bool controllers = false) =>
        new(await EmulatedCluster.StartAsync(new EmulatorOptions { Controllers = new ControllerOptions { Enabled = controllers } }));

    /// <summary>Writes a manifest to a temporary file and returns its path.</summary>
    public string WriteManifest(string yaml)
    {
        var path = Path.Combine(Path.GetDirectoryName(Cluster.KubeconfigPath)!, $"manifest-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public async Task<CommandResult> MustRunAsync(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {result}");
        return result;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
