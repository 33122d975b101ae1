using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>One attempt at a revision: its history entry and the inventory it leaves.</summary>
public sealed record Attempt(string Revision, HistoryEntry Entry, InventoryStatus Inventory)
{
    /// <summary>When it failed on many objects: every one that fits an Event (the entry's message names the first few).</summary>
    public string? Details { get; init; }
}
