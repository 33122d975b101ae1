using GitOpsOperator.Testing.Faults;
using GitOpsOperator.Tests.EndToEnd;

namespace GitOpsOperator.Tests.Faults;

/// <summary>
/// A <see cref="GitOpsCluster"/> whose operator reaches the API server only through a <see cref="FaultRelay"/>; the test's
/// own kubectl and client go straight to the server, so what they see is the truth.
/// </summary>
internal sealed class FlakyGitOps : IAsyncDisposable
{
    private FlakyGitOps(GitOpsCluster cluster, FaultRelay relay)
    {
        Cluster = cluster;
        Relay = relay;
    }

    public GitOpsCluster Cluster { get; }

    public FaultRelay Relay { get; }

    public static async Task<FlakyGitOps> StartAsync(FaultPlan plan)
    {
        FaultRelay? relay = null;
        var cluster = await GitOpsCluster.StartAsync((emulator, path) =>
        {
            relay = FaultRelay.Start(new Uri(emulator.Url), plan);
            return relay.KubeconfigFrom(emulator.KubeconfigPath, path);
        });
        return new FlakyGitOps(cluster, relay!);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Relay.DisposeAsync();
    }
}
