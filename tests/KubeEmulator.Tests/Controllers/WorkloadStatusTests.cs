using KubeEmulator.Controllers;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class WorkloadStatusTests
{
    [Fact]
    public void Replica_set_becomes_ready_only_after_the_delay()
    {
        var rs = Workloads.ReplicaSet(3, null, generation: 2, observedGeneration: 1);

        var before = ReplicaSetController.DesiredStatus(rs, WorkloadFate.Healthy, due: false);
        var after = ReplicaSetController.DesiredStatus(rs, WorkloadFate.Healthy, due: true);

        Assert.Equal((3, (int?)null, 2L), (before.Replicas, before.ReadyReplicas, before.ObservedGeneration));
        Assert.Equal((3, 3, 3), (after.Replicas, after.ReadyReplicas, after.AvailableReplicas));
    }

    [Fact]
    public void Replica_set_scaled_down_is_ready_at_its_new_size_at_once()
    {
        var rs = Workloads.ReplicaSet(3, 3);
        rs.Spec.Replicas = 1;

        var status = ReplicaSetController.DesiredStatus(rs, WorkloadFate.Healthy, due: false);

        Assert.Equal((1, 1), (status.Replicas, status.ReadyReplicas));
    }

    [Theory]
    [InlineData("registry/never-ready:1")]
    [InlineData("registry/fail-rollout:1")]
    public void Marked_replica_set_never_becomes_ready(string image)
    {
        var rs = Workloads.ReplicaSet(2, null, image: image);

        var status = ReplicaSetController.DesiredStatus(rs, WorkloadFates.Of(rs.Spec.Template, new ControllerOptions()), due: true);

        Assert.Null(status.ReadyReplicas);
        Assert.Null(status.AvailableReplicas);
    }

    [Fact]
    public void Stateful_set_rolls_its_current_revision_forward_when_ready()
    {
        var sts = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "db", Generation = 2 },
            Spec = new V1StatefulSetSpec { Replicas = 2, Template = Workloads.Template("postgres:17") },
            Status = new V1StatefulSetStatus { CurrentRevision = "db-old" },
        };

        var before = StatefulSetController.DesiredStatus(sts, WorkloadFate.Healthy, due: false);
        var after = StatefulSetController.DesiredStatus(sts, WorkloadFate.Healthy, due: true);

        Assert.Equal("db-old", before.CurrentRevision);
        Assert.StartsWith("db-", before.UpdateRevision, StringComparison.Ordinal);
        Assert.Null(before.ReadyReplicas);
        Assert.Equal((2, 2, 2, 2), (after.ReadyReplicas, after.AvailableReplicas, after.CurrentReplicas, after.UpdatedReplicas));
        Assert.Equal(after.UpdateRevision, after.CurrentRevision);
        Assert.Equal(2, after.ObservedGeneration);
    }

    [Fact]
    public void Daemon_set_runs_one_pod_on_the_pretend_node()
    {
        var ds = new V1DaemonSet { Metadata = new V1ObjectMeta { Name = "agent", Generation = 4 }, Spec = new V1DaemonSetSpec { Template = Workloads.Template("agent:1") } };

        var before = DaemonSetController.DesiredStatus(ds, WorkloadFate.Healthy, due: false);
        var after = DaemonSetController.DesiredStatus(ds, WorkloadFate.Healthy, due: true);

        Assert.Equal((1, 1, 1, 0, 1), (before.DesiredNumberScheduled, before.CurrentNumberScheduled, before.UpdatedNumberScheduled, before.NumberReady, before.NumberUnavailable));
        Assert.Equal((1, 1, (int?)null, 4L), (after.NumberReady, after.NumberAvailable, after.NumberUnavailable, after.ObservedGeneration));
    }

    [Fact]
    public void Claim_is_bound_with_what_it_asked_for_after_the_delay()
    {
        var claim = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "data" },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("1Gi") } },
            },
        };

        Assert.Null(PersistentVolumeClaimController.DesiredStatus(claim, due: false));
        var bound = PersistentVolumeClaimController.DesiredStatus(claim, due: true);

        Assert.Equal("Bound", bound?.Phase);
        Assert.Equal(["ReadWriteOnce"], bound?.AccessModes);
        Assert.Equal("1Gi", bound?.Capacity["storage"].ToString());
    }

    [Fact]
    public void Load_balancer_service_gets_a_loopback_ingress_address()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" }, Spec = new V1ServiceSpec { Type = "LoadBalancer" } };

        Assert.Null(LoadBalancerController.DesiredStatus(service, due: false));
        var ingress = Assert.Single(LoadBalancerController.DesiredStatus(service, due: true)!.LoadBalancer.Ingress);

        Assert.Matches(@"^127\.0\.0\.\d{1,3}$", ingress.Ip);
        Assert.Equal(ingress.Ip, LoadBalancerController.DesiredStatus(service, due: true)!.LoadBalancer.Ingress[0].Ip);
    }

    [Fact]
    public void Cluster_ip_service_needs_no_status()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "web" }, Spec = new V1ServiceSpec { Type = "ClusterIP" } };

        Assert.Null(LoadBalancerController.DesiredStatus(service, due: true));
    }

    [Fact]
    public void Image_markers_decide_the_fate_and_an_empty_marker_matches_nothing()
    {
        var options = new ControllerOptions();

        Assert.Equal(WorkloadFate.Fails, WorkloadFates.Of(Workloads.Template("registry/fail-rollout:1"), options));
        Assert.Equal(WorkloadFate.NeverReady, WorkloadFates.Of(Workloads.Template("registry/never-ready:1"), options));
        Assert.Equal(WorkloadFate.Healthy, WorkloadFates.Of(Workloads.Template("nginx"), options with { FailImageMarker = "", NeverReadyImageMarker = "" }));
    }
}
