namespace GitOpsOperator.Manifests;

/// <summary>What the cluster's API discovery says about a type; this library never asks a cluster itself.</summary>
public interface IApiScope
{
    /// <summary>True when the type is namespaced, false when cluster-scoped, null when the cluster serves no such type.</summary>
    bool? IsNamespaced(GroupVersionKind type);
}
