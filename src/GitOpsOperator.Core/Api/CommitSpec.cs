using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>How an ImageUpdateAutomation's commits are written: author, message and an optional signature.</summary>
public sealed record CommitSpec
{
    [JsonPropertyName("author")]
    public CommitAuthor Author { get; init; } = new();

    [JsonPropertyName("messageTemplate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MessageTemplate { get; init; }

    [JsonPropertyName("signingKey")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SigningKeyReference? SigningKey { get; init; }
}
