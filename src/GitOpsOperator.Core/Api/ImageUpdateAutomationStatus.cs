using System.Text.Json.Serialization;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Api;

public sealed record ImageUpdateAutomationStatus
{
    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("lastPushCommit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastPushCommit { get; init; }

    [JsonPropertyName("lastPushTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    public DateTimeOffset? LastPushTime { get; init; }

    [JsonPropertyName("holds")]
    public IReadOnlyList<MarkerHold> Holds { get; init; } = [];

    [JsonPropertyName("released")]
    public IReadOnlyList<ReleasedValue> Released { get; init; } = [];

    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    [JsonPropertyName("lastHandledReconcileAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastHandledReconcileAt { get; init; }
}
