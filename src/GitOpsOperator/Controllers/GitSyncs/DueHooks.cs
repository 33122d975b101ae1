using GitOpsOperator.Api;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Hooks;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The chart hooks one sync runs: install hooks with the GitSync's first apply (no revision applied yet), upgrade
/// hooks when the render differs from what the inventory records as applied; none on a re-check of the same render
/// or a drift correction.
/// </summary>
public sealed record DueHooks(IReadOnlyList<ChartHook> Pre, IReadOnlyList<ChartHook> Post)
{
    public static DueHooks None { get; } = new([], []);

    public static DueHooks For(IReadOnlyList<RenderedObject> hooks, IReadOnlyList<RenderedObject> objects, GitSyncStatus current)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        ArgumentNullException.ThrowIfNull(current);
        if (hooks.Count == 0)
        {
            return None;
        }

        if (current.LastAppliedRevision is null)
        {
            return new(ChartHook.ForPhase(hooks, HookPhase.PreInstall), ChartHook.ForPhase(hooks, HookPhase.PostInstall));
        }

        return RenderChanged(objects, InventoryMapping.ToRecords(current.Inventory))
            ? new(ChartHook.ForPhase(hooks, HookPhase.PreUpgrade), ChartHook.ForPhase(hooks, HookPhase.PostUpgrade))
            : None;
    }

    /// <summary>True when an object is new, gone or changed since the inventory's records were made.</summary>
    private static bool RenderChanged(IReadOnlyList<RenderedObject> objects, IReadOnlyList<InventoryRecord> inventory)
    {
        var records = inventory.ToDictionary(r => r.Identity);
        return objects.Count != records.Count
            || objects.Any(o => !records.TryGetValue(o.Identity, out var record) || !record.RecordsDesired(o.ContentHash));
    }
}
