using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>A GitSync that must be Ready first; same namespace unless given.</summary>
public sealed record DependencyReference
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }
}
