using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Api;

/// <summary>How the API server serves one kind: its resource plural and whether it is namespaced.</summary>
public sealed record ResourceType(GroupVersionKind Type, string Plural, bool Namespaced)
{
    /// <summary>The collection path, e.g. <c>apis/apps/v1/namespaces/web/deployments</c>; all namespaces when ns is null.</summary>
    public string CollectionPath(string? ns)
    {
        var root = Type.Group.Length == 0 ? $"api/{Type.Version}" : $"apis/{Type.Group}/{Type.Version}";
        return Namespaced && !string.IsNullOrEmpty(ns)
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}"
            : $"{root}/{Plural}";
    }

    public string ObjectPath(string ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
