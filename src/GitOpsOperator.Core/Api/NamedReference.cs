using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>A reference to an object by name in the referrer's namespace (e.g. a Secret).</summary>
public sealed record NamedReference
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }
}
