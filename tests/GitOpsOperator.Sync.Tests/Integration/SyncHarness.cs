using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using k8s;
using KubeEmulator;
using KubeEmulator.Controllers;

namespace GitOpsOperator.Sync.Tests.Integration;

/// <summary>An emulated cluster with fast simulated controllers, and a sync engine talking to it as GitSync gitops-system/shop.</summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private SyncHarness(EmulatedCluster cluster, SyncManager manager)
    {
        Cluster = cluster;
        Manager = manager;
    }

    private readonly CancellationTokenSource deadline = new(TimeSpan.FromMinutes(2));

    public static GitSyncOwner Owner { get; } = new("gitops-system", "shop");

    public EmulatedCluster Cluster { get; }

    public SyncManager Manager { get; }

    public static async Task<SyncHarness> StartAsync()
    {
        var options = new EmulatorOptions { Controllers = new ControllerOptions { ReadyDelay = TimeSpan.FromMilliseconds(50) } };
        var cluster = await EmulatedCluster.StartAsync(options);
        return new SyncHarness(cluster, new SyncManager((Kubernetes)cluster.CreateClient("gitops-operator-tests")));
    }

    public Task<SyncResult> SyncAsync(IReadOnlyList<RenderedObject> desired, IReadOnlyList<InventoryRecord>? inventory = null, SyncOptions? options = null) =>
        Manager.SyncAsync(new SyncRequest(Owner, desired, inventory ?? []) { Options = options ?? SyncOptions.Default }, Token);

    /// <summary>A generous bound so a broken test fails instead of hanging.</summary>
    public CancellationToken Token => deadline.Token;

    /// <summary>Waits until the engine's live cache shows the object in the expected state.</summary>
    public async Task WaitForLiveAsync(ObjectIdentity identity, Func<JsonObject?, bool> expected)
    {
        while (!expected(Manager.Cache.Get(identity)?.Json))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Manager.DisposeAsync();
        await Cluster.DisposeAsync();
        deadline.Dispose();
    }
}
