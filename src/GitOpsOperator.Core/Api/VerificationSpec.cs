using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Signature verification: advance only to commits signed by a key in the referenced Secret.</summary>
public sealed record VerificationSpec
{
    public const string HeadMode = "HEAD";

    [JsonPropertyName("mode")]
    public string Mode { get; init; } = HeadMode;

    [JsonPropertyName("secretRef")]
    public required NamedReference SecretRef { get; init; }
}
