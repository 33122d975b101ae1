using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Reading;

/// <summary>One object as read from a file, before validation.</summary>
internal sealed record ManifestCandidate(JsonObject Json, SourceLocation Location);
