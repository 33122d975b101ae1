using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

public sealed record InventoryStatus
{
    [JsonPropertyName("entries")]
    public IReadOnlyList<InventoryEntry> Entries { get; init; } = [];
}
