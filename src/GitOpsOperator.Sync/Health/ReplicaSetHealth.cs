using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A ReplicaSet is Current when every wanted replica is labelled, ready and available.</summary>
internal static class ReplicaSetHealth
{
    public static HealthStatus Evaluate(JsonObject replicaSet)
    {
        if (ObservedGeneration.Pending(replicaSet) is { } pending)
        {
            return pending;
        }

        if (Condition.Find(replicaSet, "ReplicaFailure") is { IsTrue: true } failure)
        {
            return HealthStatus.Failed($"replica failure: {failure.Message}");
        }

        var wanted = ObjectFields.OptionalInt(replicaSet, "spec", "replicas") ?? 1;
        var ready = ObjectFields.Int(replicaSet, "status", "readyReplicas");
        var available = ObjectFields.Int(replicaSet, "status", "availableReplicas");
        if (ready < wanted)
        {
            return HealthStatus.InProgress($"{ready} of {wanted} replicas ready");
        }

        return available < wanted
            ? HealthStatus.InProgress($"{available} of {wanted} replicas available")
            : HealthStatus.Current($"{available} replicas available");
    }
}
