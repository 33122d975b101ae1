using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests;

/// <summary>One object ready for the cluster: its JSON, identity, content hash and where it was declared.</summary>
public sealed record RenderedObject(JsonObject Json, GroupVersionKind Type, ObjectIdentity Identity, string ContentHash, SourceLocation Source)
{
    public override string ToString() => $"{Identity} ({Source})";
}
