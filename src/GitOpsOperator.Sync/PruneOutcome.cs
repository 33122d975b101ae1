namespace GitOpsOperator.Sync;

/// <summary>What a prune deleted or skipped, the records of objects it could not delete, and why.</summary>
public sealed record PruneOutcome(IReadOnlyList<Change> Changes, IReadOnlyList<InventoryRecord> Kept, IReadOnlyList<SyncFailure> Failures);
