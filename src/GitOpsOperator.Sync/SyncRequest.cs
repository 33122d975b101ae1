using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>One sync: the rendered objects git declares, the GitSync owning them and the inventory its status holds.</summary>
public sealed record SyncRequest(GitSyncOwner Owner, IReadOnlyList<RenderedObject> Desired, IReadOnlyList<InventoryRecord> Inventory)
{
    public SyncOptions Options { get; init; } = SyncOptions.Default;
}
