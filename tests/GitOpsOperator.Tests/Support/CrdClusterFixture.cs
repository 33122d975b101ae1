using KubeEmulator;

namespace GitOpsOperator.Tests.Support;

/// <summary>One emulated cluster with the CRDs installed, shared by a test class.</summary>
public sealed class CrdClusterFixture : IAsyncLifetime
{
    private EmulatedCluster? cluster;

    public EmulatedCluster Cluster => cluster ?? throw new InvalidOperationException("the fixture has not started");

    public string Kubeconfig => Cluster.KubeconfigPath;

    public async Task InitializeAsync() => cluster = await ClusterWithCrds.StartAsync();

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
