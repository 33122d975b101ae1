using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>spec.policy: exactly one of semver, alphabetical, numerical.</summary>
public sealed record TagPolicy
{
    [JsonPropertyName("semver")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SemverPolicy? Semver { get; init; }

    [JsonPropertyName("alphabetical")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OrderPolicy? Alphabetical { get; init; }

    [JsonPropertyName("numerical")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OrderPolicy? Numerical { get; init; }
}
