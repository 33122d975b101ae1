using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitSyncs.Targets;
using GitOpsOperator.Manifests;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Hooks;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Brings one GitSync to one revision: render (or reuse a render), sync with the cluster, wait for health when asked,
/// and record the outcome in status, history and Events. When the render is the one last synced and nothing drifted,
/// the cluster is not consulted at all: only a new revision is recorded. A chart's due hooks run around the sync: pre-hooks
/// once the plan validated the set and before its first write, post-hooks once its objects are healthy. The target is
/// the cluster the objects go to (the operator's own or a remote one); status always goes to the operator's own.
/// </summary>
public sealed class RevisionSync(
    GitSyncRenderer renderer,
    SyncStatusWriter writer,
    SyncEvents events,
    GitSyncControllerOptions options,
    GitSyncTenancy tenancy,
    OperatorMetrics metrics,
    TimeProvider time)
{
    private const string Superseded = "superseded by a newer revision or spec before its objects were healthy";

    public async Task<WorkResult> SyncAsync(GitSync gitSync, GitSyncState state, GitSyncStatus current, Source.Artifact artifact, SyncSchedule schedule, SyncTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(target);
        var run = new Run(gitSync, state, artifact.Revision, schedule, target, tenancy.WriteAs(gitSync), Now());
        if (current.ObservedGeneration != run.Generation)
        {
            var progressing = SyncStatus.Progressing(current, run.Generation, $"reconciling revision {run.Revision}", run.Started);
            current = await writer.WriteIfChangedAsync(gitSync, state, current, progressing, cancellationToken).ConfigureAwait(false);
        }

        var render = await renderer.RenderAsync(gitSync, artifact, state.Renders, target.Scope, cancellationToken).ConfigureAwait(false);
        if (render.Objects is not { } objects)
        {
            var attempt = new Attempt(run.Revision, run.Entry(HistoryEntry.Failed, ChangeSet.Empty, render.FailureMessage, Now()), current.Inventory ?? new InventoryStatus());
            return await FailedAsync(run, current, attempt, render.FailureReason!, cancellationToken).ConfigureAwait(false);
        }

        if (!state.TakeDrifted() && IsLastSynced(run, current, objects))
        {
            return await RecordRevisionAsync(run, current, objects, cancellationToken).ConfigureAwait(false);
        }

        return await ApplyAsync(run, current, objects, DueHooks.For(render.Hooks, objects, current), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same objects as the last successful sync of this generation, within its interval, on request of nobody.</summary>
    private bool IsLastSynced(Run run, GitSyncStatus current, IReadOnlyList<RenderedObject> objects) =>
        run.State.LastSynced is { } last
        && ReferenceEquals(last.Objects, objects)
        && last.Generation == run.Generation
        && run.Started - last.At < run.Schedule.Interval
        && current.Conditions.IsTrue(ConditionTypes.Ready)
        && (run.RequestedAt is null || current.LastHandledReconcileAt == run.RequestedAt);

    private async Task<WorkResult> RecordRevisionAsync(Run run, GitSyncStatus current, IReadOnlyList<RenderedObject> objects, CancellationToken cancellationToken)
    {
        var unchanged = new ChangeSet([.. objects.Select(o => new Change(o.Identity, ChangeAction.Unchanged, "render unchanged"))]);
        var attempt = new Attempt(run.Revision, run.Entry(HistoryEntry.Succeeded, unchanged, null, Now()), current.Inventory ?? new InventoryStatus());
        var succeeded = SyncStatus.Succeeded(current, attempt, run.GitSync.Spec.Wait, run.Generation, run.RequestedAt, Now());
        await writer.WriteIfChangedAsync(run.GitSync, run.State, current, succeeded, cancellationToken).ConfigureAwait(false);
        var due = run.State.LastSynced!.At + run.Schedule.Interval - run.Started;
        return WorkResult.After(due > TimeSpan.Zero ? due : TimeSpan.Zero);
    }

    private async Task<WorkResult> ApplyAsync(Run run, GitSyncStatus current, IReadOnlyList<RenderedObject> objects, DueHooks hooks, CancellationToken cancellationToken)
    {
        var spec = run.GitSync.Spec;
        var postHooks = hooks.Post;
        var request = new SyncRequest(run.Owner, objects, InventoryMapping.ToRecords(current.Inventory))
        {
            Options = new SyncOptions
            {
                Parallelism = options.SyncParallelism, Force = spec.Force, Prune = spec.Prune, AllowEmpty = spec.AllowEmpty, Timeout = run.Schedule.Timeout,
            },
            RecordPlannedInventory = async (planned, token) =>
                current = await writer.WriteIfChangedAsync(run.GitSync, run.State, current, current with { Inventory = InventoryMapping.ToStatus(planned) }, token)
                    .ConfigureAwait(false),
            BeforeWrite = hooks.Pre.Count == 0 ? null : token => RunHooksAsync(run, hooks.Pre, token),
            WriteAs = run.WriteAs,
        };
        run.State.LastSynced = null;
        var result = await SyncHoldingDriftAsync(run, request, cancellationToken).ConfigureAwait(false);
        metrics.ObjectsApplied(result.Changes.Count(ChangeAction.Created) + result.Changes.Count(ChangeAction.Configured));
        metrics.ObjectsPruned(result.Changes.Count(ChangeAction.Pruned));
        var inventory = InventoryMapping.ToStatus(result.Inventory);
        if (!result.Succeeded)
        {
            var failed = new Attempt(run.Revision, run.Entry(HistoryEntry.Failed, result.Changes, result.Message, Now()), inventory) { Details = result.Details };
            return await FailedAsync(run, current, failed, result.Outcome.ToString(), cancellationToken).ConfigureAwait(false);
        }

        if (spec.Wait || postHooks.Count > 0)
        {
            var (waited, health) = await WaitForHealthAsync(run, current, result, inventory, cancellationToken).ConfigureAwait(false);
            current = waited;
            if (health is null)
            {
                return WorkResult.Done;
            }

            if (!health.Healthy)
            {
                var unhealthy = new Attempt(run.Revision, run.Entry(HistoryEntry.Failed, result.Changes, ItemSummary.First(health.Failures), Now()), inventory)
                {
                    Details = ItemSummary.Within(health.Failures),
                };
                return await FailedAsync(run, current, unhealthy, Reasons.HealthCheckFailed, cancellationToken).ConfigureAwait(false);
            }
        }

        if (postHooks.Count > 0 && await RunHooksAsync(run, postHooks, cancellationToken).ConfigureAwait(false) is { } postFailure)
        {
            var hookFailed = new Attempt(run.Revision, run.Entry(HistoryEntry.Failed, result.Changes, postFailure.ToString(), Now()), inventory);
            return await FailedAsync(run, current, hookFailed, postFailure.Reason.ToString(), cancellationToken).ConfigureAwait(false);
        }

        var attempt = new Attempt(run.Revision, run.Entry(HistoryEntry.Succeeded, result.Changes, null, Now()), inventory);
        var succeeded = SyncStatus.Succeeded(current, attempt, spec.Wait, run.Generation, run.RequestedAt, Now());
        await writer.WriteIfChangedAsync(run.GitSync, run.State, current, succeeded, cancellationToken).ConfigureAwait(false);
        await events.ChangedAsync(run.GitSync, SyncEvents.Synced, run.Revision, result.Changes, cancellationToken).ConfigureAwait(false);
        run.State.LastSynced = new SyncedSet(objects, run.Generation, run.Started);
        return run.State.Drifted ? WorkResult.After(TimeSpan.Zero) : run.Schedule.Next;
    }

    /// <summary>Syncs; a change to a managed object heard meanwhile that the sync's records do not explain marks drift.</summary>
    private async Task<SyncResult> SyncHoldingDriftAsync(Run run, SyncRequest request, CancellationToken cancellationToken)
    {
        var state = run.State;
        state.BeginSync();
        var recorded = state.Fingerprints;
        try
        {
            var result = await run.Target.Sync.SyncAsync(request, cancellationToken).ConfigureAwait(false);
            recorded = InventoryMapping.Fingerprints(result.Inventory);
            return result;
        }
        finally
        {
            if (state.EndSync(recorded))
            {
                state.MarkDrifted();
            }
        }
    }

    /// <summary>
    /// Waits for the applied objects to be healthy within what is left of spec.timeout. Returns the status now shown and
    /// the health report, or a null report when a newer revision cancelled the wait (recorded in history).
    /// </summary>
    private async Task<(GitSyncStatus Current, HealthReport? Health)> WaitForHealthAsync(
        Run run, GitSyncStatus current, SyncResult result, InventoryStatus inventory, CancellationToken cancellationToken)
    {
        var pending = new Attempt(run.Revision, run.Entry(HistoryEntry.Succeeded, result.Changes, null, Now()), inventory);
        if (result.Changes.Writes.Count > 0)
        {
            var waiting = SyncStatus.WaitingForHealth(current, pending, run.Generation, Now());
            current = await writer.WriteIfChangedAsync(run.GitSync, run.State, current, waiting, cancellationToken).ConfigureAwait(false);
            await events.ChangedAsync(run.GitSync, SyncEvents.Progressing, run.Revision, result.Changes, cancellationToken).ConfigureAwait(false);
        }

        var left = run.Schedule.Timeout - (Now() - run.Started);
        using var wait = run.State.BeginHealthWait(run.Revision, cancellationToken);
        try
        {
            var entries = result.Inventory.Select(r => r.Entry).ToList();
            return (current, await run.Target.Sync.WaitForHealthAsync(entries, left > TimeSpan.Zero ? left : TimeSpan.Zero, wait.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var superseded = current with
            {
                LastAttemptedRevision = run.Revision,
                History = HistoryBook.Record(current.History, run.Entry(HistoryEntry.Failed, result.Changes, Superseded, Now())),
            };
            return (await writer.WriteIfChangedAsync(run.GitSync, run.State, current, superseded, cancellationToken).ConfigureAwait(false), null);
        }
        finally
        {
            run.State.EndHealthWait(wait);
        }
    }

    /// <summary>Runs hooks within what is left of spec.timeout; returns the failure that stopped them, or null.</summary>
    private async Task<SyncFailure?> RunHooksAsync(Run run, IReadOnlyList<ChartHook> hooks, CancellationToken cancellationToken)
    {
        var left = run.Schedule.Timeout - (Now() - run.Started);
        var outcome = await run.Target.Sync.RunHooksAsync(hooks, run.Owner, left > TimeSpan.Zero ? left : TimeSpan.Zero, run.WriteAs, cancellationToken).ConfigureAwait(false);
        return outcome.Failure;
    }

    private async Task<WorkResult> FailedAsync(Run run, GitSyncStatus current, Attempt attempt, string reason, CancellationToken cancellationToken)
    {
        var failed = SyncStatus.Failed(current, attempt, reason, run.Generation, run.RequestedAt, Now());
        await writer.WriteIfChangedAsync(run.GitSync, run.State, current, failed, cancellationToken).ConfigureAwait(false);
        await events.FailedAsync(run.GitSync, current, failed, attempt.Details, cancellationToken).ConfigureAwait(false);
        return run.Schedule.Retry($"{reason}: {attempt.Entry.Message}");
    }

    private DateTimeOffset Now() => WholeSeconds.Of(time.GetUtcNow());

    private sealed record Run(GitSync GitSync, GitSyncState State, string Revision, SyncSchedule Schedule, SyncTarget Target, WriteIdentity? WriteAs, DateTimeOffset Started)
    {
        public long Generation => GitSync.Metadata.Generation ?? 0;

        public string? RequestedAt => GitSyncTriggers.RequestedAt(GitSync);

        public GitSyncOwner Owner => new(GitSync.Metadata.NamespaceProperty ?? "", GitSync.Metadata.Name ?? "");

        public HistoryEntry Entry(string result, ChangeSet changes, string? message, DateTimeOffset finished) => new()
        {
            Revision = Revision,
            StartedAt = Started,
            FinishedAt = finished,
            Result = result,
            Created = changes.Count(ChangeAction.Created),
            Configured = changes.Count(ChangeAction.Configured),
            Unchanged = changes.Count(ChangeAction.Unchanged),
            Pruned = changes.Count(ChangeAction.Pruned),
            Message = message,
        };
    }
}
