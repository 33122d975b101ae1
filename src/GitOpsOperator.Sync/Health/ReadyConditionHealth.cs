using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>Any other kind: the Ready condition decides when there is one (Stalled=True fails it); without one the object is Current.</summary>
internal static class ReadyConditionHealth
{
    public static HealthStatus Evaluate(JsonObject obj)
    {
        if (Condition.Find(obj, "Ready") is not { } ready)
        {
            return HealthStatus.Current();
        }

        if (ObjectFields.OptionalInt(obj, "status", "observedGeneration") is { } observed
            && observed < ObjectFields.Int(obj, "metadata", "generation"))
        {
            return HealthStatus.InProgress("waiting for the controller to observe the latest generation");
        }

        if (ready.IsTrue)
        {
            return HealthStatus.Current(ready.Message);
        }

        return Condition.Find(obj, "Stalled") is { IsTrue: true } stalled
            ? HealthStatus.Failed($"{stalled.Reason}: {stalled.Message}")
            : HealthStatus.InProgress($"not ready: {ready.Reason} {ready.Message}".TrimEnd());
    }
}
