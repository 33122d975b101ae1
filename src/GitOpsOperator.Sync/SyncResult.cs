namespace GitOpsOperator.Sync;

/// <summary>
/// The outcome of one sync: what happened to each object, the inventory to record in status (with the hashes that
/// let the next sync skip unchanged objects) and, when it failed, the objects to blame.
/// </summary>
public sealed record SyncResult(SyncOutcome Outcome, ChangeSet Changes, IReadOnlyList<InventoryRecord> Inventory, IReadOnlyList<SyncFailure> Failures)
{
    public bool Succeeded => Outcome == SyncOutcome.Succeeded;

    /// <summary>A short summary for a condition message: the counts, or the first few failures and what was applied.</summary>
    public string Message => Succeeded
        ? Changes.ToString()
        : ItemSummary.First(Failures) + (Changes.Writes.Count > 0 ? $" (applied before stopping: {ItemSummary.First(Changes.Writes.Select(c => c.Identity).ToList())})" : "");

    /// <summary>Every failure, as many as fit an Event message.</summary>
    public string Details => ItemSummary.Within(Failures);
}
