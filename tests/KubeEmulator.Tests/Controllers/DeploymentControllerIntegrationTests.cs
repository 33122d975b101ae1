using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class DeploymentControllerIntegrationTests
{
    [Fact]
    public async Task Deployment_gets_a_replica_set_it_controls_labelled_with_the_pod_template_hash()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        var deployment = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27", replicas: 2), "default");

        var replicaSets = await ClusterProbe.EventuallyAsync(
            () => ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"), list => list.Count == 1, "a ReplicaSet for web");

        var rs = replicaSets[0];
        var hash = rs.Metadata.Labels["pod-template-hash"];
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]+$", hash);
        Assert.Equal($"web-{hash}", rs.Metadata.Name);
        Assert.Equal(hash, rs.Spec.Selector.MatchLabels["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Template.Metadata.Labels["pod-template-hash"]);
        Assert.Equal(2, rs.Spec.Replicas);
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var owner = Assert.Single(rs.Metadata.OwnerReferences);
        Assert.Equal(("apps/v1", "Deployment", "web", deployment.Metadata.Uid, true, true),
            (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
    }

    [Fact]
    public async Task Deployment_becomes_available_with_every_replica_ready()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27", replicas: 3), "default");

        var ready = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default"), ClusterProbe.IsAvailable, "web to become available");

        Assert.Equal((3, 3, 3, 3), (ready.Status.Replicas, ready.Status.UpdatedReplicas, ready.Status.ReadyReplicas, ready.Status.AvailableReplicas));
        Assert.Equal("MinimumReplicasAvailable", ClusterProbe.Condition(ready, "Available")?.Reason);
        var rs = Assert.Single(await ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"));
        Assert.Equal($"ReplicaSet \"{rs.Metadata.Name}\" has successfully progressed.", ClusterProbe.Condition(ready, "Progressing")?.Message);
        Assert.Equal("1", ready.Metadata.Annotations["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public async Task Template_change_creates_a_new_replica_set_and_scales_the_old_one_to_zero()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27", replicas: 2), "default");
        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default"), ClusterProbe.IsAvailable, "web to become available");

        var patch = new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}""", V1Patch.PatchType.StrategicMergePatch);
        var updated = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", "default");
        var rolled = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default"),
            d => d.Metadata.Generation == updated.Metadata.Generation && ClusterProbe.IsAvailable(d) && d.Status.Replicas == 2,
            "web to roll out its new template");

        var replicaSets = await ClusterProbe.EventuallyAsync(
            () => ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"),
            list => list.Count == 2 && list.Any(rs => rs.Status?.Replicas == 0),
            "the old ReplicaSet to be scaled down");
        var newest = Assert.Single(replicaSets, rs => rs.Spec.Template.Spec.Containers[0].Image == "nginx:1.28");
        var oldest = Assert.Single(replicaSets, rs => rs.Spec.Template.Spec.Containers[0].Image == "nginx:1.27");
        Assert.Equal((2, 0), (newest.Spec.Replicas, oldest.Spec.Replicas));
        Assert.Equal("2", newest.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("2", rolled.Metadata.Annotations["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public async Task Never_ready_image_keeps_the_deployment_progressing_and_unavailable()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("stuck", "registry/never-ready:1"), "default");

        var observed = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("stuck", "default"),
            d => d.Status?.ObservedGeneration == d.Metadata.Generation && ClusterProbe.Condition(d, "Available") is not null,
            "stuck to get a status");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("stuck", "default");

        foreach (var deployment in new[] { observed, later })
        {
            Assert.Equal("False", ClusterProbe.Condition(deployment, "Available")?.Status);
            Assert.Equal(("True", "ReplicaSetUpdated"), (ClusterProbe.Condition(deployment, "Progressing")?.Status, ClusterProbe.Condition(deployment, "Progressing")?.Reason));
            Assert.Null(deployment.Status.ReadyReplicas);
        }
    }

    [Fact]
    public async Task Failing_image_exceeds_the_progress_deadline()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("broken", "registry/fail-rollout:1"), "default");

        var failed = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("broken", "default"),
            d => ClusterProbe.Condition(d, "Progressing")?.Status == "False",
            "broken to exceed its progress deadline");

        Assert.Equal("ProgressDeadlineExceeded", ClusterProbe.Condition(failed, "Progressing")?.Reason);
        Assert.Equal("False", ClusterProbe.Condition(failed, "Available")?.Status);
    }

    [Fact]
    public async Task Controllers_keep_working_after_every_watch_is_ended()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("first", "nginx:1.27"), "default");
        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("first", "default"), ClusterProbe.IsAvailable, "first to become available");

        cluster.EndAllWatches();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("second", "nginx:1.27"), "default");

        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("second", "default"), ClusterProbe.IsAvailable, "second to become available");
    }

    [Fact]
    public async Task Switched_off_controllers_leave_deployments_alone()
    {
        await using var cluster = await ClusterProbe.StartAsync(controllers: false);
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27"), "default");

        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Empty(await ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"));
        Assert.Null((await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default")).Status?.ObservedGeneration);
    }

    [Fact]
    public async Task Settled_deployment_causes_no_further_writes()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27", replicas: 2), "default");
        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default"), ClusterProbe.IsAvailable, "web to become available");
        var settled = await ClusterProbe.EventuallyAsync(
            () => ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"), list => list.Single().Status?.ReadyReplicas == 2, "the ReplicaSet to be ready");

        var before = cluster.ResourceVersion;
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(before, cluster.ResourceVersion);
        Assert.Equal(settled.Single().Metadata.ResourceVersion, (await ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web")).Single().Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Deleting_a_deployment_removes_the_replica_sets_it_controls()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27"), "default");
        await ClusterProbe.EventuallyAsync(
            () => ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"), list => list.Count == 1, "a ReplicaSet for web");

        await cluster.Client.AppsV1.DeleteNamespacedDeploymentAsync("web", "default");

        await ClusterProbe.EventuallyAsync(
            () => ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web"), list => list.Count == 0, "the ReplicaSet to be collected");
    }

    [Fact]
    public async Task Controllers_relist_when_their_watch_resumes_from_an_expired_version()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatorOptions
        {
            WatchHistorySize = 5,
            Controllers = new KubeEmulator.Controllers.ControllerOptions { ReadyDelay = TimeSpan.FromMilliseconds(100) },
        });
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("first", "nginx:1.27"), "default");
        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("first", "default"), ClusterProbe.IsAvailable, "first to become available");

        for (var i = 0; i < 20; i++)
        {
            await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"filler-{i}" } }, "default");
        }

        cluster.EndAllWatches();

        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("second", "nginx:1.27"), "default");

        await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("second", "default"), ClusterProbe.IsAvailable, "second to become available");
    }
}
