using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class WorkloadControllersIntegrationTests
{
    private static V1PodTemplateSpec Template(string app, string image, string restartPolicy = "Always") => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1PodSpec { RestartPolicy = restartPolicy, Containers = [new V1Container { Name = "app", Image = image }] },
    };

    private static V1Job Job(string name, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec { Completions = 2, Template = Template(name, image, "Never") },
    };

    [Fact]
    public async Task Job_completes_with_every_completion_succeeded()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.BatchV1.CreateNamespacedJobAsync(Job("migrate", "migrate:1"), "default");

        var done = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.BatchV1.ReadNamespacedJobAsync("migrate", "default"),
            j => j.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true,
            "migrate to complete");

        Assert.Equal(2, done.Status.Succeeded);
        Assert.NotNull(done.Status.StartTime);
        Assert.NotNull(done.Status.CompletionTime);
        Assert.Contains(done.Status.Conditions, c => c.Type == "SuccessCriteriaMet" && c.Status == "True");
    }

    [Fact]
    public async Task Job_with_the_fail_marker_fails_with_backoff_limit_exceeded()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.BatchV1.CreateNamespacedJobAsync(Job("migrate", "registry/fail-rollout:1"), "default");

        var failed = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.BatchV1.ReadNamespacedJobAsync("migrate", "default"),
            j => j.Status?.Conditions?.Any(c => c.Type == "Failed") == true,
            "migrate to fail");

        var condition = Assert.Single(failed.Status.Conditions, c => c.Type == "Failed");
        Assert.Equal(("True", "BackoffLimitExceeded"), (condition.Status, condition.Reason));
        Assert.True(failed.Status.Failed > failed.Spec.BackoffLimit);
        Assert.Null(failed.Status.Succeeded);
    }

    [Fact]
    public async Task Stateful_set_reports_every_replica_ready_at_its_update_revision()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        var sts = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Spec = new V1StatefulSetSpec
            {
                Replicas = 2,
                ServiceName = "db",
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                Template = Template("db", "postgres:17"),
            },
        };
        await cluster.Client.AppsV1.CreateNamespacedStatefulSetAsync(sts, "default");

        var ready = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("db", "default"),
            s => s.Status?.ReadyReplicas == 2,
            "db to become ready");

        Assert.Equal(ready.Metadata.Generation, ready.Status.ObservedGeneration);
        Assert.Equal((2, 2, 2, 2), (ready.Status.Replicas, ready.Status.CurrentReplicas, ready.Status.UpdatedReplicas, ready.Status.AvailableReplicas));
        Assert.StartsWith("db-", ready.Status.UpdateRevision, StringComparison.Ordinal);
        Assert.Equal(ready.Status.UpdateRevision, ready.Status.CurrentRevision);
    }

    [Fact]
    public async Task Daemon_set_runs_ready_on_the_one_pretend_node()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        var ds = new V1DaemonSet
        {
            Metadata = new V1ObjectMeta { Name = "agent" },
            Spec = new V1DaemonSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "agent" } },
                Template = Template("agent", "agent:1"),
            },
        };
        await cluster.Client.AppsV1.CreateNamespacedDaemonSetAsync(ds, "default");

        var ready = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDaemonSetAsync("agent", "default"),
            d => d.Status?.NumberReady == 1,
            "agent to become ready");

        Assert.Equal(ready.Metadata.Generation, ready.Status.ObservedGeneration);
        Assert.Equal((1, 1, 1, 1), (ready.Status.DesiredNumberScheduled, ready.Status.CurrentNumberScheduled, ready.Status.UpdatedNumberScheduled, ready.Status.NumberAvailable));
    }

    [Fact]
    public async Task Persistent_volume_claim_becomes_bound()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        var claim = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "data" },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
            },
        };
        await cluster.Client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(claim, "default");

        var bound = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", "default"),
            c => c.Status?.Phase == "Bound",
            "data to be bound");

        Assert.Equal("1Gi", bound.Status.Capacity["storage"].ToString());
    }

    [Fact]
    public async Task Load_balancer_service_gets_an_ingress_address()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "front" },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                Selector = new Dictionary<string, string> { ["app"] = "front" },
                Ports = [new V1ServicePort { Port = 80 }],
            },
        };
        await cluster.Client.CoreV1.CreateNamespacedServiceAsync(service, "default");

        var exposed = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.CoreV1.ReadNamespacedServiceAsync("front", "default"),
            s => s.Status?.LoadBalancer?.Ingress?.Count > 0,
            "front to get an ingress address");

        Assert.Matches(@"^127\.0\.0\.\d{1,3}$", Assert.Single(exposed.Status.LoadBalancer.Ingress).Ip);
    }
}
