using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The GitRepository a GitSync reads; its namespace defaults to the GitSync's own.</summary>
public sealed record SourceReference
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = GitOpsApi.GitRepositoryKind;

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }
}
