using System.Text.Json.Serialization;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Api;

public sealed record ImageRepositoryStatus
{
    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("canonicalImageName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CanonicalImageName { get; init; }

    [JsonPropertyName("lastScanResult")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScanResult? LastScanResult { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    [JsonPropertyName("lastHandledReconcileAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastHandledReconcileAt { get; init; }
}
