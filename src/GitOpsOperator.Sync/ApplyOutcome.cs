namespace GitOpsOperator.Sync;

/// <summary>What an apply wrote (and the records to keep for it), and the failure that stopped it, if one did.</summary>
public sealed record ApplyOutcome(IReadOnlyList<Change> Changes, IReadOnlyList<InventoryRecord> Records, SyncFailure? Failure);
