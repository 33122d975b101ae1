using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>A key of a Secret in the referrer's namespace; a null key lets the reader try its default keys.</summary>
public sealed record SecretKeyReference
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("key")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }
}
