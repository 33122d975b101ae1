using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The value the automation last wrote into one marker (file, policy, field): a later change to it is a hold.</summary>
public sealed record ReleasedValue
{
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("policy")]
    public required string Policy { get; init; }

    /// <summary>image, tag, name or digest.</summary>
    [JsonPropertyName("field")]
    public required string Field { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}
