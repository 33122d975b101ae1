using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>Picks the health check for an object's kind; kinds without one fall back to their Ready condition.</summary>
public static class HealthChecks
{
    private static readonly Dictionary<(string Group, string Kind), Func<JsonObject, HealthStatus>> ByKind = new()
    {
        [("apps", "Deployment")] = DeploymentHealth.Evaluate,
        [("apps", "ReplicaSet")] = ReplicaSetHealth.Evaluate,
        [("apps", "StatefulSet")] = StatefulSetHealth.Evaluate,
        [("apps", "DaemonSet")] = DaemonSetHealth.Evaluate,
        [("batch", "Job")] = JobHealth.Evaluate,
        [("", "PersistentVolumeClaim")] = PersistentVolumeClaimHealth.Evaluate,
        [("", "Service")] = ServiceHealth.Evaluate,
        [("networking.k8s.io", "Ingress")] = IngressHealth.Evaluate,
        [("apiextensions.k8s.io", "CustomResourceDefinition")] = CustomResourceDefinitionHealth.Evaluate,
    };

    /// <summary>The health of a live object.</summary>
    public static HealthStatus Evaluate(JsonObject liveObject)
    {
        var apiVersion = ObjectFields.String(liveObject, "apiVersion") ?? "";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var kind = ObjectFields.String(liveObject, "kind") ?? "";
        return ByKind.TryGetValue((group, kind), out var check)
            ? check(liveObject)
            : ReadyConditionHealth.Evaluate(liveObject);
    }
}
