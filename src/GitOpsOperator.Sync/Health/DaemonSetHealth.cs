using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A DaemonSet is Current when it runs an updated, available pod on every node it should.</summary>
internal static class DaemonSetHealth
{
    public static HealthStatus Evaluate(JsonObject daemonSet)
    {
        if (ObservedGeneration.Pending(daemonSet) is { } pending)
        {
            return pending;
        }

        var desired = ObjectFields.Int(daemonSet, "status", "desiredNumberScheduled");
        var scheduled = ObjectFields.Int(daemonSet, "status", "currentNumberScheduled");
        var updated = ObjectFields.Int(daemonSet, "status", "updatedNumberScheduled");
        var available = ObjectFields.Int(daemonSet, "status", "numberAvailable");
        var ready = ObjectFields.Int(daemonSet, "status", "numberReady");

        if (scheduled < desired)
        {
            return HealthStatus.InProgress($"{scheduled} of {desired} pods scheduled");
        }

        if (updated < desired)
        {
            return HealthStatus.InProgress($"{updated} of {desired} pods updated");
        }

        if (ready < desired)
        {
            return HealthStatus.InProgress($"{ready} of {desired} pods ready");
        }

        return available < desired
            ? HealthStatus.InProgress($"{available} of {desired} pods available")
            : HealthStatus.Current($"{available} pods available");
    }
}
