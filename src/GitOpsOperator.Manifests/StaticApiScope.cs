namespace GitOpsOperator.Manifests;

/// <summary>An <see cref="IApiScope"/> over a fixed table, e.g. one built from a discovery snapshot.</summary>
public sealed class StaticApiScope(IReadOnlyDictionary<GroupVersionKind, bool> namespacedByType) : IApiScope
{
    public bool? IsNamespaced(GroupVersionKind type) =>
        namespacedByType.TryGetValue(type, out var namespaced) ? namespaced : null;
}
