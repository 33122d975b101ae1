using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A Service is Current at once, except a LoadBalancer, which waits for its ingress address.</summary>
internal static class ServiceHealth
{
    public static HealthStatus Evaluate(JsonObject service)
    {
        if (ObjectFields.String(service, "spec", "type") != "LoadBalancer")
        {
            return HealthStatus.Current();
        }

        return ObjectFields.Array(service, "status", "loadBalancer", "ingress") is { Count: > 0 }
            ? HealthStatus.Current("load balancer ready")
            : HealthStatus.InProgress("waiting for a load balancer address");
    }
}
