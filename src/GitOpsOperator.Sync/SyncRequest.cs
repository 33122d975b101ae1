using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>One sync: the rendered objects git declares, the GitSync owning them and the inventory its status holds.</summary>
public sealed record SyncRequest(GitSyncOwner Owner, IReadOnlyList<RenderedObject> Desired, IReadOnlyList<InventoryRecord> Inventory)
{
    public SyncOptions Options { get; init; } = SyncOptions.Default;

    /// <summary>
    /// Who every write of this sync is made as (server dry-run, apply, recreate, prune, hooks); the operator itself when
    /// null. Reads stay the operator's. A ServiceAccount identity is looked up first: a missing one is AccessDenied.
    /// </summary>
    public WriteIdentity? WriteAs { get; init; }

    /// <summary>
    /// Called once before the first write when the desired set brings objects the inventory lacks, with the inventory
    /// planned for this revision (the old records and the new objects'). Recording it first keeps every object a sync
    /// writes in the inventory even when the process dies before the sync ends, so a later sync can prune it.
    /// </summary>
    public Func<IReadOnlyList<InventoryRecord>, CancellationToken, Task> RecordPlannedInventory { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>
    /// Runs once the plan validated the set and before the first write (a chart's pre-hooks); a failure it returns
    /// stops the sync with nothing of the set written.
    /// </summary>
    public Func<CancellationToken, Task<SyncFailure?>>? BeforeWrite { get; init; }
}
