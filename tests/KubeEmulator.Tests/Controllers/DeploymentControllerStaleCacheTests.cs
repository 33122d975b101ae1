using k8s;
using KubeEmulator.Controllers;
using KubeEmulator.Introspection;

namespace KubeEmulator.Tests.Controllers;

/// <summary>
/// The deployment controller watches Deployments and ReplicaSets separately, so it can learn that a ReplicaSet was
/// collected before it learns that its Deployment was deleted. It must not create a new ReplicaSet for it then.
/// </summary>
public sealed class DeploymentControllerStaleCacheTests
{
    [Fact]
    public async Task Controller_whose_cache_still_holds_a_deleted_deployment_creates_no_replica_set_for_it()
    {
        await using var cluster = await ClusterProbe.StartAsync(controllers: false);
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27"), "default");
        var controller = new DeploymentController(cluster.CreateClient("stale-cache-test"), new ControllerOptions { ReadyDelay = TimeSpan.Zero });
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => controller.RunAsync(stop.Token));
        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default"),
            d => d.Status?.ObservedGeneration == d.Metadata.Generation,
            "the controller to report on web");

        cluster.Faults.Add(FaultRule.Fail(500, verb: "watch", resource: "deployments"));
        cluster.Faults.Add(FaultRule.Fail(500, verb: "list", resource: "deployments"));
        cluster.EndAllWatches();
        var readsBefore = cluster.Requests.Count("get", "deployments");
        await cluster.Client.AppsV1.DeleteNamespacedDeploymentAsync("web", "default");

        await ClusterProbe.EventuallyAsync(
            () => Task.FromResult((Reads: cluster.Requests.Count("get", "deployments"), Creates: cluster.Requests.Count("create", "replicasets"))),
            seen => seen.Reads > readsBefore || seen.Creates > 1,
            "the controller to act on the collected ReplicaSet");
        await stop.CancelAsync();
        await running;

        Assert.Equal(1, cluster.Requests.Count("create", "replicasets"));
        Assert.Empty(await ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"));
    }
}
