using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Chart values held in a key of a Secret or ConfigMap in the GitSync's namespace.</summary>
public sealed record ValuesReference
{
    public const string SecretKind = "Secret";
    public const string ConfigMapKind = "ConfigMap";

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("key")]
    public string Key { get; init; } = "values.yaml";

    public override string ToString() => $"{Kind} {Name} key {Key}";
}
