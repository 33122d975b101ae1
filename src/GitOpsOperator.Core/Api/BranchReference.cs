using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>A git branch by name.</summary>
public sealed record BranchReference
{
    [JsonPropertyName("branch")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Branch { get; init; }
}
