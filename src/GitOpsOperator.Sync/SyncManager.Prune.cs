using System.Collections.Concurrent;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Live;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    /// <summary>
    /// Deletes (reverse apply order, background propagation) the inventory objects that left the desired set, when they
    /// still carry this GitSync's owner labels and no <c>prune: disabled</c> annotation. Returns what was pruned or
    /// skipped, the records to keep (objects whose delete failed) and the failures. Deletes are made as
    /// <paramref name="writeAs"/> when set; one it may not make is PruneFailed, never retried with the operator's rights.
    /// </summary>
    public async Task<PruneOutcome> PruneAsync(IReadOnlyList<InventoryRecord> stale, GitSyncOwner owner, SyncOptions options, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var changes = new ConcurrentQueue<Change>();
        var kept = new ConcurrentQueue<InventoryRecord>();
        var failures = new ConcurrentQueue<SyncFailure>();
        await OrderedBatches.RunAsync(stale, r => r.Entry.Kind, reverse: true, options.Parallelism, async (record, token) =>
        {
            var (change, failure) = await PruneOneAsync(record, owner, options, writeAs, token);
            if (change is not null)
            {
                changes.Enqueue(change);
            }

            if (failure is not null)
            {
                failures.Enqueue(failure);
                kept.Enqueue(record);
            }

            return true;
        }, cancellationToken);
        return new PruneOutcome([.. changes], [.. kept], [.. failures]);
    }

    private async Task<(Change? Change, SyncFailure? Failure)> PruneOneAsync(
        InventoryRecord record, GitSyncOwner owner, SyncOptions options, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var identity = record.Identity;
        var (resource, discoveryFailure) = await discovery.ResolveAsync(GroupVersionKind.FromApiVersion(record.Entry.ApiVersion, record.Entry.Kind), cancellationToken);
        if (discoveryFailure is not null)
        {
            return (null, new SyncFailure(SyncOutcome.PruneFailed, identity, null, $"discovery failed: {discoveryFailure.Message}"));
        }

        if (resource is null)
        {
            return (null, null);
        }

        if (await Cache.WatchAsync(resource, options.Timeout, cancellationToken) is { } unreadable)
        {
            return (null, new SyncFailure(unreadable.IsAccessDenied ? SyncOutcome.AccessDenied : SyncOutcome.PruneFailed, identity, null, $"cannot read the live objects: {unreadable}"));
        }

        // The cache holds labelled objects only: one it lacks was deleted, or lost its owner labels (then it stays).
        var live = Cache.Get(identity);
        if (live is null)
        {
            var read = await api.SendAsync(HttpMethod.Get, resource.ObjectPath(identity.Namespace, identity.Name), null, null, cancellationToken);
            if (read.IsNotFound)
            {
                return (null, null);
            }

            if (!read.IsSuccess || read.Body is null)
            {
                return (null, new SyncFailure(read.StatusCode == 403 ? SyncOutcome.AccessDenied : SyncOutcome.PruneFailed, identity, null, read.Message));
            }

            live = read.Body;
        }

        if (GitSyncOwner.Of(live) != owner)
        {
            return (new Change(identity, ChangeAction.Skipped, "not pruned: not labelled as owned by this GitSync"), null);
        }

        if (ObjectJson.Annotation(live, SyncAnnotations.Prune) == SyncAnnotations.Disabled)
        {
            return (new Change(identity, ChangeAction.Skipped, "not pruned: prune disabled on the live object"), null);
        }

        var deleted = await DeleteAsync(resource, identity, ObjectJson.MetadataString(live, "uid"), writeAs, cancellationToken);
        if (!deleted.IsSuccess && !deleted.IsNotFound)
        {
            return (null, new SyncFailure(SyncOutcome.PruneFailed, identity, null, deleted.Message));
        }

        Cache.ForgetDeleted(identity);
        return (new Change(identity, ChangeAction.Pruned, "left git"), null);
    }

    /// <summary>Prunes (when asked) what left the desired set and builds the final result of a sync whose apply succeeded.</summary>
    private async Task<SyncResult> PruneStaleAsync(SyncRequest request, List<InventoryRecord> desiredRecords, ChangeSet changes, CancellationToken cancellationToken)
    {
        var desired = desiredRecords.Select(r => r.Identity).ToHashSet();
        var stale = request.Inventory.Where(r => !desired.Contains(r.Identity)).ToList();
        if (!request.Options.Prune || stale.Count == 0)
        {
            return new SyncResult(SyncOutcome.Succeeded, changes, desiredRecords, []);
        }

        var pruned = await PruneAsync(stale, request.Owner, request.Options, request.WriteAs, cancellationToken);
        var all = changes.Add(ApplyOrder.Sort(pruned.Changes, c => (c.Identity.Kind, c.Identity.Namespace, c.Identity.Name)).Reverse());
        var inventory = desiredRecords.Concat(pruned.Kept).ToList();
        return pruned.Failures.Count == 0
            ? new SyncResult(SyncOutcome.Succeeded, all, inventory, [])
            : new SyncResult(pruned.Failures[0].Reason, all, inventory, pruned.Failures);
    }
}
