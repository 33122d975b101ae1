using System.Text.Json.Serialization;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Api;

public sealed record GitSyncStatus
{
    /// <summary>The most entries <see cref="History"/> keeps.</summary>
    public const int MaxHistory = 10;

    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("lastAppliedRevision")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastAppliedRevision { get; init; }

    [JsonPropertyName("lastAttemptedRevision")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastAttemptedRevision { get; init; }

    [JsonPropertyName("lastHandledReconcileAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastHandledReconcileAt { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    [JsonPropertyName("inventory")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InventoryStatus? Inventory { get; init; }

    /// <summary>Newest first, at most <see cref="MaxHistory"/>.</summary>
    [JsonPropertyName("history")]
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>This status with the entry put first and the oldest dropped beyond <see cref="MaxHistory"/>.</summary>
    public GitSyncStatus WithHistory(HistoryEntry entry) =>
        this with { History = [entry, .. History.Take(MaxHistory - 1)] };
}
