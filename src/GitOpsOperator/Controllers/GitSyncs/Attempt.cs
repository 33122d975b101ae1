using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>One attempt at a revision: its history entry and the inventory it leaves.</summary>
public sealed record Attempt(string Revision, HistoryEntry Entry, InventoryStatus Inventory);
