using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>An image repository and how to scan it; defaults as the CRD sets them.</summary>
public sealed record ImageRepositorySpec
{
    [JsonPropertyName("image")]
    public required string Image { get; init; }

    [JsonPropertyName("interval")]
    public string Interval { get; init; } = "5m";

    [JsonPropertyName("timeout")]
    public string Timeout { get; init; } = "30s";

    [JsonPropertyName("secretRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NamedReference? SecretRef { get; init; }

    [JsonPropertyName("insecure")]
    public bool Insecure { get; init; }

    [JsonPropertyName("exclusionList")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ExclusionList { get; init; }

    [JsonPropertyName("webhookSecretRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NamedReference? WebhookSecretRef { get; init; }

    [JsonPropertyName("suspend")]
    public bool Suspend { get; init; }
}
