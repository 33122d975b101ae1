using KubeEmulator.Controllers;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class DeploymentStatusesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static V1DeploymentCondition ConditionOf(V1DeploymentStatus status, string type) =>
        Assert.Single(status.Conditions, c => c.Type == type);

    [Fact]
    public void Deployment_whose_replica_set_is_ready_is_available_and_has_progressed()
    {
        var deployment = Workloads.Deployment(replicas: 2, generation: 3);

        var status = DeploymentStatuses.Desired(deployment, Workloads.ReplicaSet(2, 2), [], WorkloadFate.Healthy, deadlinePassed: true, Now);

        Assert.Equal(3, status.ObservedGeneration);
        Assert.Equal((2, 2, 2, 2), (status.Replicas, status.UpdatedReplicas, status.ReadyReplicas, status.AvailableReplicas));
        Assert.Null(status.UnavailableReplicas);
        var available = ConditionOf(status, "Available");
        Assert.Equal(("True", "MinimumReplicasAvailable"), (available.Status, available.Reason));
        var progressing = ConditionOf(status, "Progressing");
        Assert.Equal(("True", "NewReplicaSetAvailable"), (progressing.Status, progressing.Reason));
        Assert.Equal("ReplicaSet \"web-abc\" has successfully progressed.", progressing.Message);
    }

    [Fact]
    public void Deployment_waiting_for_its_replica_set_is_progressing_and_unavailable()
    {
        var status = DeploymentStatuses.Desired(Workloads.Deployment(), Workloads.ReplicaSet(1, null), [], WorkloadFate.Healthy, deadlinePassed: false, Now);

        Assert.Null(status.ReadyReplicas);
        Assert.Equal(1, status.UnavailableReplicas);
        Assert.Equal(("False", "MinimumReplicasUnavailable"), (ConditionOf(status, "Available").Status, ConditionOf(status, "Available").Reason));
        var progressing = ConditionOf(status, "Progressing");
        Assert.Equal(("True", "ReplicaSetUpdated", "ReplicaSet \"web-abc\" is progressing."), (progressing.Status, progressing.Reason, progressing.Message));
    }

    [Fact]
    public void Never_ready_deployment_keeps_progressing_after_the_deadline()
    {
        var status = DeploymentStatuses.Desired(Workloads.Deployment("img-never-ready"), Workloads.ReplicaSet(1, null), [], WorkloadFate.NeverReady, deadlinePassed: true, Now);

        Assert.Equal(("True", "ReplicaSetUpdated"), (ConditionOf(status, "Progressing").Status, ConditionOf(status, "Progressing").Reason));
    }

    [Fact]
    public void Failing_deployment_exceeds_its_progress_deadline_once_the_delay_passed()
    {
        var before = DeploymentStatuses.Desired(Workloads.Deployment("fail-rollout"), Workloads.ReplicaSet(1, null), [], WorkloadFate.Fails, deadlinePassed: false, Now);
        var after = DeploymentStatuses.Desired(Workloads.Deployment("fail-rollout"), Workloads.ReplicaSet(1, null), [], WorkloadFate.Fails, deadlinePassed: true, Now);

        Assert.Equal("ReplicaSetUpdated", ConditionOf(before, "Progressing").Reason);
        var progressing = ConditionOf(after, "Progressing");
        Assert.Equal(("False", "ProgressDeadlineExceeded", "ReplicaSet \"web-abc\" has timed out progressing."), (progressing.Status, progressing.Reason, progressing.Message));
    }

    [Fact]
    public void Old_replica_set_still_running_keeps_the_rollout_incomplete()
    {
        var old = Workloads.ReplicaSet(1, 1);
        old.Metadata.Name = "web-old";

        var status = DeploymentStatuses.Desired(Workloads.Deployment(), Workloads.ReplicaSet(1, 1), [old], WorkloadFate.Healthy, deadlinePassed: true, Now);

        Assert.Equal(2, status.Replicas);
        Assert.Equal(1, status.UpdatedReplicas);
        Assert.Equal("ReplicaSetUpdated", ConditionOf(status, "Progressing").Reason);
    }

    [Fact]
    public void Replica_set_status_from_an_older_generation_counts_as_not_updated()
    {
        var stale = Workloads.ReplicaSet(1, 1, generation: 2, observedGeneration: 1);

        var status = DeploymentStatuses.Desired(Workloads.Deployment(), stale, [], WorkloadFate.Healthy, deadlinePassed: true, Now);

        Assert.Null(status.UpdatedReplicas);
        Assert.Equal("ReplicaSetUpdated", ConditionOf(status, "Progressing").Reason);
    }

    [Fact]
    public void Unchanged_conditions_keep_their_times()
    {
        var deployment = Workloads.Deployment();
        var first = DeploymentStatuses.Desired(deployment, Workloads.ReplicaSet(1, 1), [], WorkloadFate.Healthy, true, Now);
        deployment.Status = first;

        var second = DeploymentStatuses.Desired(deployment, Workloads.ReplicaSet(1, 1), [], WorkloadFate.Healthy, true, Now.AddMinutes(5));

        Assert.All(second.Conditions, c => Assert.Equal(Now, c.LastTransitionTime));
        Assert.All(second.Conditions, c => Assert.Equal(Now, c.LastUpdateTime));
    }

    [Fact]
    public void Condition_that_flips_gets_a_new_transition_time()
    {
        var deployment = Workloads.Deployment();
        deployment.Status = DeploymentStatuses.Desired(deployment, Workloads.ReplicaSet(1, null), [], WorkloadFate.Healthy, false, Now);
        var later = Now.AddSeconds(30);

        var status = DeploymentStatuses.Desired(deployment, Workloads.ReplicaSet(1, 1), [], WorkloadFate.Healthy, true, later);

        Assert.Equal(later, ConditionOf(status, "Available").LastTransitionTime);
        Assert.Equal(Now, ConditionOf(status, "Progressing").LastTransitionTime);
        Assert.Equal(later, ConditionOf(status, "Progressing").LastUpdateTime);
    }
}
