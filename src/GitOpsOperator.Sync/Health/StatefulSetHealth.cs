using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A StatefulSet is Current when every replica is ready and runs the update revision.</summary>
internal static class StatefulSetHealth
{
    public static HealthStatus Evaluate(JsonObject statefulSet)
    {
        if (ObservedGeneration.Pending(statefulSet) is { } pending)
        {
            return pending;
        }

        var wanted = ObjectFields.OptionalInt(statefulSet, "spec", "replicas") ?? 1;
        var ready = ObjectFields.Int(statefulSet, "status", "readyReplicas");
        if (ready < wanted)
        {
            return HealthStatus.InProgress($"{ready} of {wanted} replicas ready");
        }

        if (ObjectFields.String(statefulSet, "spec", "updateStrategy", "type") == "OnDelete")
        {
            return HealthStatus.Current($"{ready} replicas ready");
        }

        var partition = ObjectFields.Int(statefulSet, "spec", "updateStrategy", "rollingUpdate", "partition");
        var updated = ObjectFields.Int(statefulSet, "status", "updatedReplicas");
        if (updated < wanted - partition)
        {
            return HealthStatus.InProgress($"{updated} of {wanted - partition} replicas updated");
        }

        var current = ObjectFields.String(statefulSet, "status", "currentRevision");
        var update = ObjectFields.String(statefulSet, "status", "updateRevision");
        return partition == 0 && current != update
            ? HealthStatus.InProgress($"waiting for revision {update} to replace {current}")
            : HealthStatus.Current($"{ready} replicas ready");
    }
}
