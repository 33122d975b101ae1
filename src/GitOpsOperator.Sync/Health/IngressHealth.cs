using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>An Ingress is Current once its controller has published an address.</summary>
internal static class IngressHealth
{
    public static HealthStatus Evaluate(JsonObject ingress) =>
        ObjectFields.Array(ingress, "status", "loadBalancer", "ingress") is { Count: > 0 }
            ? HealthStatus.Current("address assigned")
            : HealthStatus.InProgress("waiting for the ingress controller to assign an address");
}
