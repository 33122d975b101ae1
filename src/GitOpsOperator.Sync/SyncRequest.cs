using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>One sync: the rendered objects git declares, the GitSync owning them and the inventory its status holds.</summary>
public sealed record SyncRequest(GitSyncOwner Owner, IReadOnlyList<RenderedObject> Desired, IReadOnlyList<InventoryRecord> Inventory)
{
    public SyncOptions Options { get; init; } = SyncOptions.Default;

    /// <summary>
    /// Runs once the plan validated the set and before the first write (a chart's pre-hooks); a failure it returns
    /// stops the sync with nothing of the set written.
    /// </summary>
    public Func<CancellationToken, Task<SyncFailure?>>? BeforeWrite { get; init; }
}
