namespace GitOpsOperator.Sync;

/// <summary>
/// The deterministic order objects are applied in: what others depend on first (Namespaces, CRDs, RBAC,
/// config), workloads after their config, webhooks last; within a kind by namespace and name. Prune runs
/// the reverse.
/// </summary>
public static class ApplyOrder
{
    private static readonly string[] First =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
        "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
        "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
        "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ];

    private static readonly string[] Last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    /// <summary>The kind's rank: lower applies earlier; kinds not listed sit between the first and last groups.</summary>
    public static int Rank(string kind)
    {
        var first = Array.IndexOf(First, kind);
        if (first >= 0)
        {
            return first;
        }

        var last = Array.IndexOf(Last, kind);
        return last >= 0 ? First.Length + 1 + last : First.Length;
    }

    /// <summary>The items in apply order.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, (string Kind, string Namespace, string Name)> identify) =>
        items
            .Select(item => (Item: item, Id: identify(item)))
            .OrderBy(x => Rank(x.Id.Kind))
            .ThenBy(x => x.Id.Kind, StringComparer.Ordinal)
            .ThenBy(x => x.Id.Namespace, StringComparer.Ordinal)
            .ThenBy(x => x.Id.Name, StringComparer.Ordinal)
            .Select(x => x.Item)
            .ToList();
}
