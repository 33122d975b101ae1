using System.Diagnostics;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitSyncs.Targets;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using GitOpsOperator.Sync;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// One reconcile of one GitSync: finalize a deletion, honour suspend and dependsOn, find the source's artifact, then
/// find the cluster it syncs with, then hand the revision to <see cref="RevisionSync"/>. Every step writes status only
/// when it changed.
/// </summary>
public sealed partial class GitSyncReconciler(
    GitSyncInformer informer,
    SourceArtifacts sources,
    GitSyncStates states,
    RevisionSync revisions,
    SyncTargets targets,
    SyncStatusWriter writer,
    SyncEvents events,
    GitSyncFinalizer finalizer,
    GitSyncControllerOptions options,
    GitSyncTenancy tenancy,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger<GitSyncReconciler> logger)
{
    public async Task<WorkResult> ReconcileAsync(GitSyncKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await informer.WaitUntilSyncedAsync(cancellationToken).ConfigureAwait(false);
        await sources.WaitUntilSyncedAsync(cancellationToken).ConfigureAwait(false);
        if (informer.Get(key) is not { } gitSync)
        {
            states.Forget(key);
            targets.Release(key);
            return WorkResult.Done;
        }

        var started = Stopwatch.GetTimestamp();
        var (result, revision) = await ReconcileAsync(gitSync, states.For(key), cancellationToken).ConfigureAwait(false);
        LogReconciled(logger, GitOpsApi.GitSyncKind, key.Namespace, key.Name, revision ?? "(no artifact)", Stopwatch.GetElapsedTime(started).TotalMilliseconds, result.Error ?? "ok");
        return result;
    }

    private async Task<(WorkResult Result, string? Revision)> ReconcileAsync(GitSync gitSync, GitSyncState state, CancellationToken cancellationToken)
    {
        var current = state.CurrentStatus(gitSync);
        if (gitSync.Metadata.DeletionTimestamp is not null)
        {
            return (await FinalizeAsync(gitSync, state, current, cancellationToken).ConfigureAwait(false), null);
        }

        if (!SyncSchedule.TryRead(gitSync.Spec, out var schedule, out var invalid))
        {
            await BlockedAsync(gitSync, state, current, Reasons.InvalidSpec, invalid, cancellationToken).ConfigureAwait(false);
            return (WorkResult.Done, null);
        }

        if (tenancy.RefusedReference(gitSync) is { } refused)
        {
            await StalledAsync(gitSync, state, current, Reasons.AccessDenied, refused, cancellationToken).ConfigureAwait(false);
            return (WorkResult.Done, null);
        }

        await finalizer.EnsureAsync(gitSync, cancellationToken).ConfigureAwait(false);
        if (gitSync.Spec.Suspend)
        {
            var suspended = SyncStatus.Suspended(current, gitSync.Metadata.Generation ?? 0, GitSyncTriggers.RequestedAt(gitSync), Now());
            await writer.WriteIfChangedAsync(gitSync, state, current, suspended, cancellationToken).ConfigureAwait(false);
            return (WorkResult.Done, null);
        }

        if (DependencyCheck.Blocking(gitSync, informer.Get) is { } waiting)
        {
            await BlockedAsync(gitSync, state, current, Reasons.DependencyNotReady, waiting, cancellationToken).ConfigureAwait(false);
            return (schedule.Retry(waiting), null);
        }

        var (artifact, missing) = sources.Resolve(gitSync);
        if (artifact is null)
        {
            await BlockedAsync(gitSync, state, current, Reasons.ArtifactFailed, missing!, cancellationToken).ConfigureAwait(false);
            return (schedule.Retry(missing!), null);
        }

        var resolved = await targets.ResolveAsync(gitSync, cancellationToken).ConfigureAwait(false);
        if (resolved.Target is not { } target)
        {
            await BlockedAsync(gitSync, state, current, resolved.Reason, resolved.Message, cancellationToken).ConfigureAwait(false);
            return (schedule.Retry(resolved.Message), null);
        }

        return (await revisions.SyncAsync(gitSync, state, current, artifact, schedule, target, cancellationToken).ConfigureAwait(false), artifact.Revision);
    }

    /// <summary>With prune, deletes the inventory's objects; then lets the GitSync go by removing the finalizer.</summary>
    private async Task<WorkResult> FinalizeAsync(GitSync gitSync, GitSyncState state, GitSyncStatus current, CancellationToken cancellationToken)
    {
        if (!GitSyncFinalizer.IsOn(gitSync))
        {
            return WorkResult.Done;
        }

        var records = InventoryMapping.ToRecords(current.Inventory);
        if (gitSync.Spec.Prune && records.Count > 0)
        {
            var resolved = await targets.ResolveAsync(gitSync, cancellationToken).ConfigureAwait(false);
            if (resolved.Target is not { } target)
            {
                await BlockedAsync(gitSync, state, current, resolved.Reason, resolved.Message, cancellationToken).ConfigureAwait(false);
                return WorkResult.Failure(resolved.Message);
            }

            var owner = new GitSyncOwner(gitSync.Metadata.NamespaceProperty ?? "", gitSync.Metadata.Name ?? "");
            var pruneOptions = new SyncOptions { Parallelism = options.SyncParallelism, Prune = true };
            var pruned = await target.Sync.PruneAsync(records, owner, pruneOptions, tenancy.WriteAs(gitSync), cancellationToken).ConfigureAwait(false);
            metrics.ObjectsPruned(pruned.Changes.Count(c => c.Action == ChangeAction.Pruned));
            if (pruned.Failures.Count > 0)
            {
                var message = ItemSummary.First(pruned.Failures);
                var failed = SyncStatus.Blocked(current, Reasons.PruneFailed, message, gitSync.Metadata.Generation ?? 0, null, Now()) with
                {
                    Inventory = InventoryMapping.ToStatus(pruned.Kept),
                };
                await writer.WriteIfChangedAsync(gitSync, state, current, failed, cancellationToken).ConfigureAwait(false);
                await events.FailedAsync(gitSync, current, failed, ItemSummary.Within(pruned.Failures), cancellationToken).ConfigureAwait(false);
                return WorkResult.Failure(message);
            }
        }

        await finalizer.RemoveAsync(gitSync, cancellationToken).ConfigureAwait(false);
        targets.Release(GitSyncKey.Of(gitSync));
        return WorkResult.Done;
    }

    private async Task BlockedAsync(GitSync gitSync, GitSyncState state, GitSyncStatus current, string reason, string message, CancellationToken cancellationToken)
    {
        var blocked = SyncStatus.Blocked(current, reason, message, gitSync.Metadata.Generation ?? 0, GitSyncTriggers.RequestedAt(gitSync), Now());
        await writer.WriteIfChangedAsync(gitSync, state, current, blocked, cancellationToken).ConfigureAwait(false);
        await events.FailedAsync(gitSync, current, blocked, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task StalledAsync(GitSync gitSync, GitSyncState state, GitSyncStatus current, string reason, string message, CancellationToken cancellationToken)
    {
        var stalled = SyncStatus.Stalled(current, reason, message, gitSync.Metadata.Generation ?? 0, GitSyncTriggers.RequestedAt(gitSync), Now());
        await writer.WriteIfChangedAsync(gitSync, state, current, stalled, cancellationToken).ConfigureAwait(false);
        await events.FailedAsync(gitSync, current, stalled, null, cancellationToken).ConfigureAwait(false);
    }

    private DateTimeOffset Now() => WholeSeconds.Of(time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Kind} {Namespace}/{Name} at revision {Revision} in {DurationMs:0} ms: {Outcome}")]
    private static partial void LogReconciled(ILogger logger, string kind, string @namespace, string name, string revision, double durationMs, string outcome);
}
