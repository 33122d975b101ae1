using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A Deployment is Current when its rollout is complete and every wanted replica is updated and available.</summary>
internal static class DeploymentHealth
{
    public static HealthStatus Evaluate(JsonObject deployment)
    {
        if (ObservedGeneration.Pending(deployment) is { } pending)
        {
            return pending;
        }

        if (Condition.Find(deployment, "Progressing") is { Reason: "ProgressDeadlineExceeded" } stuck)
        {
            return HealthStatus.Failed($"rollout failed: {stuck.Message}".TrimEnd(' ', ':'));
        }

        var wanted = ObjectFields.OptionalInt(deployment, "spec", "replicas") ?? 1;
        var total = ObjectFields.Int(deployment, "status", "replicas");
        var updated = ObjectFields.Int(deployment, "status", "updatedReplicas");
        var available = ObjectFields.Int(deployment, "status", "availableReplicas");

        if (updated < wanted)
        {
            return HealthStatus.InProgress($"{updated} of {wanted} replicas updated");
        }

        if (total > updated)
        {
            return HealthStatus.InProgress($"{total - updated} old replicas pending termination");
        }

        if (available < updated)
        {
            return HealthStatus.InProgress($"{available} of {updated} updated replicas available");
        }

        return Condition.Find(deployment, "Available") is { IsFalse: true } unavailable
            ? HealthStatus.InProgress($"not available: {unavailable.Message}")
            : HealthStatus.Current($"{available} replicas available");
    }
}
