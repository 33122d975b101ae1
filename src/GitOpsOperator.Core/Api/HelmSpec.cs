using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>How a GitSync path holding a Chart.yaml is rendered; defaults as the CRD sets them.</summary>
public sealed record HelmSpec
{
    /// <summary>The release name; null means the GitSync's name.</summary>
    [JsonPropertyName("releaseName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReleaseName { get; init; }

    [JsonPropertyName("valuesFiles")]
    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    [JsonPropertyName("valuesFrom")]
    public IReadOnlyList<ValuesReference> ValuesFrom { get; init; } = [];

    [JsonPropertyName("values")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Values { get; init; }

    [JsonPropertyName("includeCRDs")]
    public bool IncludeCrds { get; init; } = true;
}
