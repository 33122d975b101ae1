using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The highest version within a range.</summary>
public sealed record SemverPolicy
{
    [JsonPropertyName("range")]
    public required string Range { get; init; }
}
