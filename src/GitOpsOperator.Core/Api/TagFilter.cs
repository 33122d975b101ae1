using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Only tags matching the pattern (Go syntax); extract is what the policy compares.</summary>
public sealed record TagFilter
{
    [JsonPropertyName("pattern")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pattern { get; init; }

    [JsonPropertyName("extract")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Extract { get; init; }
}
