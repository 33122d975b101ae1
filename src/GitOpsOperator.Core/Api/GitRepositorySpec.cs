using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Where the desired state lives and which revision of it; defaults as the CRD sets them.</summary>
public sealed record GitRepositorySpec
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("ref")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GitReference? Ref { get; init; }

    [JsonPropertyName("interval")]
    public string Interval { get; init; } = "1m";

    [JsonPropertyName("timeout")]
    public string Timeout { get; init; } = "60s";

    [JsonPropertyName("secretRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NamedReference? SecretRef { get; init; }

    [JsonPropertyName("verify")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VerificationSpec? Verify { get; init; }

    [JsonPropertyName("webhookSecretRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NamedReference? WebhookSecretRef { get; init; }

    [JsonPropertyName("suspend")]
    public bool Suspend { get; init; }
}
