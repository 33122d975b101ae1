namespace GitOpsOperator.Manifests.Tests.Support;

/// <summary>The scope table a small cluster's discovery would give.</summary>
internal static class TestApiScope
{
    public static readonly StaticApiScope Instance = new(new Dictionary<GroupVersionKind, bool>
    {
        [new("", "v1", "ConfigMap")] = true,
        [new("", "v1", "Secret")] = true,
        [new("", "v1", "Service")] = true,
        [new("", "v1", "ServiceAccount")] = true,
        [new("", "v1", "Pod")] = true,
        [new("", "v1", "Namespace")] = false,
        [new("apps", "v1", "Deployment")] = true,
        [new("batch", "v1", "Job")] = true,
        [new("rbac.authorization.k8s.io", "v1", "ClusterRole")] = false,
        [new("rbac.authorization.k8s.io", "v1", "Role")] = true,
        [new("apiextensions.k8s.io", "v1", "CustomResourceDefinition")] = false,
    });
}
