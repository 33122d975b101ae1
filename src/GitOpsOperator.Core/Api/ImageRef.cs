using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>A selected image: repository, tag and the digest the tag pointed at when selected.</summary>
public sealed record ImageRef
{
    [JsonPropertyName("image")]
    public required string Image { get; init; }

    [JsonPropertyName("tag")]
    public required string Tag { get; init; }

    [JsonPropertyName("digest")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Digest { get; init; }
}
