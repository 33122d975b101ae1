namespace GitOpsOperator.Manifests;

/// <summary>What makes two objects the same object to the API server: group, kind, namespace ("" when cluster-scoped), name.</summary>
public readonly record struct ObjectIdentity(string Group, string Kind, string Namespace, string Name)
{
    /// <summary><c>Kind/namespace/name</c>, or <c>Kind/name</c> for a cluster-scoped object, as errors show it.</summary>
    public override string ToString() => Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
