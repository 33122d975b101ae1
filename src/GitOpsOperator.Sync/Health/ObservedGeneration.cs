using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>Whether the object's controller has seen its latest spec (status.observedGeneration ≥ metadata.generation).</summary>
internal static class ObservedGeneration
{
    /// <summary>An InProgress verdict while the controller lags behind the spec, else null.</summary>
    public static HealthStatus? Pending(JsonObject obj)
    {
        var generation = ObjectFields.Int(obj, "metadata", "generation");
        var observed = ObjectFields.OptionalInt(obj, "status", "observedGeneration");
        return observed is null || observed < generation
            ? HealthStatus.InProgress($"waiting for the controller to observe generation {generation}")
            : null;
    }
}
