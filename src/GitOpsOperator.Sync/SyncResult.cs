namespace GitOpsOperator.Sync;

/// <summary>
/// The outcome of one sync: what happened to each object, the inventory to record in status (with the hashes that
/// let the next sync skip unchanged objects) and, when it failed, the objects to blame.
/// </summary>
public sealed record SyncResult(SyncOutcome Outcome, ChangeSet Changes, IReadOnlyList<InventoryRecord> Inventory, IReadOnlyList<SyncFailure> Failures)
{
    public bool Succeeded => Outcome == SyncOutcome.Succeeded;

    /// <summary>A one-line summary for a condition message: the counts, or the failures.</summary>
    public string Message => Succeeded
        ? Changes.ToString()
        : $"{string.Join("; ", Failures)}" + (Changes.Writes.Count > 0 ? $" (applied before stopping: {string.Join(", ", Changes.Writes.Select(c => c.Identity))})" : "");
}
