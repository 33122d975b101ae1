using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Yaml;

/// <summary>
/// YAML text as JSON, read exactly as manifests are (kubectl's typing of plain scalars, anchors, duplicate keys
/// refused): for YAML the operator ships (its CRDs) and for tests. Throws <see cref="ManifestReadException"/> on bad YAML.
/// </summary>
public static class YamlJson
{
    private static readonly ManifestLimits Limits = new();

    /// <summary>The first non-empty document, or null when there is none.</summary>
    public static JsonNode? Convert(string yaml) => YamlDocumentReader.ReadAll(yaml, "", Limits).FirstOrDefault()?.Root;
}
