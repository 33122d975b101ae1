using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests;

/// <summary>
/// One document of a manifest file as JSON, before validation. <paramref name="Positions"/> holds where the
/// mappings near the root start, so that items of a <c>List</c> keep their own line.
/// </summary>
internal sealed record ParsedDocument(JsonNode Root, SourceLocation Location, IReadOnlyDictionary<JsonNode, (int Line, int Column)> Positions);
