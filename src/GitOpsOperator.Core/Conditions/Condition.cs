using System.Text.Json.Serialization;
using GitOpsOperator.Api;

namespace GitOpsOperator.Conditions;

/// <summary>A status condition with the Kubernetes (metav1.Condition) schema.</summary>
public sealed record Condition
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary><see cref="True"/>, <see cref="False"/> or <see cref="Unknown"/>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    [JsonPropertyName("lastTransitionTime")]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    public required DateTimeOffset LastTransitionTime { get; init; }

    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; init; }
}
