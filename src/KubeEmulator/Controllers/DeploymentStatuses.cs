using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// A Deployment's status as the real controller derives it from its ReplicaSets: counts summed over them,
/// Available while enough replicas are, Progressing with the reason <c>kubectl rollout status</c> reads.
/// </summary>
internal static class DeploymentStatuses
{
    /// <summary>The status for the Deployment given its new and old ReplicaSets as last seen.</summary>
    /// <param name="deadlinePassed">Whether the ready delay has passed since the Deployment's generation changed.</param>
    public static V1DeploymentStatus Desired(
        V1Deployment deployment,
        V1ReplicaSet newReplicaSet,
        IReadOnlyCollection<V1ReplicaSet> oldReplicaSets,
        WorkloadFate fate,
        bool deadlinePassed,
        DateTime now)
    {
        var all = oldReplicaSets.Append(newReplicaSet).ToList();
        var desired = deployment.Spec?.Replicas ?? 1;
        var replicas = all.Sum(rs => rs.Status?.Replicas ?? 0);
        var updated = newReplicaSet.Status?.ObservedGeneration == newReplicaSet.Generation() ? newReplicaSet.Status?.Replicas ?? 0 : 0;
        var ready = all.Sum(rs => rs.Status?.ReadyReplicas ?? 0);
        var available = all.Sum(rs => rs.Status?.AvailableReplicas ?? 0);
        var complete = updated == desired && replicas == desired && available == desired;
        var existing = deployment.Status?.Conditions;
        return new V1DeploymentStatus
        {
            ObservedGeneration = deployment.Generation(),
            Replicas = Counts.OmitZero(replicas),
            UpdatedReplicas = Counts.OmitZero(updated),
            ReadyReplicas = Counts.OmitZero(ready),
            AvailableReplicas = Counts.OmitZero(available),
            UnavailableReplicas = Counts.OmitZero(Math.Max(desired - available, 0)),
            Conditions =
            [
                Availability(existing, available >= desired - RollingUpdate.MaxUnavailable(deployment), now),
                Progress(existing, newReplicaSet.Name(), complete, fate == WorkloadFate.Fails && deadlinePassed, now),
            ],
        };
    }

    private static V1DeploymentCondition Availability(IList<V1DeploymentCondition>? existing, bool available, DateTime now) =>
        available
            ? Condition(existing, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
            : Condition(existing, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now);

    private static V1DeploymentCondition Progress(
        IList<V1DeploymentCondition>? existing, string replicaSet, bool complete, bool timedOut, DateTime now)
    {
        if (complete)
        {
            return Condition(existing, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{replicaSet}\" has successfully progressed.", now);
        }

        return timedOut
            ? Condition(existing, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{replicaSet}\" has timed out progressing.", now)
            : Condition(existing, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{replicaSet}\" is progressing.", now);
    }

    /// <summary>A condition that keeps its times while nothing about it changes.</summary>
    private static V1DeploymentCondition Condition(
        IList<V1DeploymentCondition>? existing, string type, string status, string reason, string message, DateTime now)
    {
        var old = existing?.FirstOrDefault(c => c.Type == type);
        var sameStatus = old is not null && old.Status == status;
        var unchanged = sameStatus && old!.Reason == reason && old.Message == message;
        return new V1DeploymentCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastUpdateTime = unchanged ? old!.LastUpdateTime ?? now : now,
            LastTransitionTime = sameStatus ? old!.LastTransitionTime ?? now : now,
        };
    }
}
