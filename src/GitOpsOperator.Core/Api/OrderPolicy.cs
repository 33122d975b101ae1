using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>An order: asc (the last wins) or desc (the first wins).</summary>
public sealed record OrderPolicy
{
    [JsonPropertyName("order")]
    public string Order { get; init; } = "asc";
}
