using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The Secret whose key "git.asc" holds the armored OpenPGP private key the commits are signed with.</summary>
public sealed record SigningKeyReference
{
    public const string SecretKey = "git.asc";

    [JsonPropertyName("secretRef")]
    public required NamedReference SecretRef { get; init; }
}
