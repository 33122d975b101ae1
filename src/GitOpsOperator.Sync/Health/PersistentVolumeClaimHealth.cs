using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A PersistentVolumeClaim is Current once Bound.</summary>
internal static class PersistentVolumeClaimHealth
{
    public static HealthStatus Evaluate(JsonObject claim)
    {
        var phase = ObjectFields.String(claim, "status", "phase") ?? "Pending";
        return phase switch
        {
            "Bound" => HealthStatus.Current("bound"),
            "Lost" => HealthStatus.Failed("claim lost its volume"),
            _ => HealthStatus.InProgress($"claim is {phase}"),
        };
    }
}
