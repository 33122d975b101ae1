using KubeEmulator;

namespace GitOpsOperator.Manifests.Tests.Support;

/// <summary>One emulated API server (and a kubectl pointed at it) shared by a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatedCluster? cluster;
    private string cacheDirectory = "";

    internal Kubectl Kubectl { get; private set; } = null!;

    /// <summary>The API scope the emulator's discovery reports.</summary>
    internal StaticApiScope Scope { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        cluster = await EmulatedCluster.StartAsync();
        cacheDirectory = Directory.CreateTempSubdirectory("manifests-kubectl-cache-").FullName;
        Kubectl = new Kubectl(cluster.KubeconfigPath, cacheDirectory);
        Scope = await Kubectl.DiscoverScopeAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        Directory.Delete(cacheDirectory, recursive: true);
    }
}
