using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>A marker a later commit changed from the automation's release (a revert, a hand edit), left as it is.</summary>
public sealed record MarkerHold
{
    [JsonPropertyName("file")]
    public required string File { get; init; }

    /// <summary>The marker's policy, "namespace:name".</summary>
    [JsonPropertyName("policy")]
    public required string Policy { get; init; }

    /// <summary>The value the marker is held at (what the later commit set).</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }
}
