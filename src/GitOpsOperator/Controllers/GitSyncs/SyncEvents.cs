using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The Events a GitSync's reconcile records: Normal when it changed objects (with the counts), Warning when its Ready
/// condition turns to a new failure. A reconcile that changed nothing records nothing.
/// </summary>
public sealed class SyncEvents(EventRecorder recorder)
{
    public const string Synced = "Synced";
    public const string Progressing = "Progressing";

    /// <summary>Objects were written: Normal <see cref="Synced"/> (or <see cref="Progressing"/> while health is awaited).</summary>
    public Task ChangedAsync(GitSync gitSync, string reason, string revision, ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Writes.Count == 0
            ? Task.CompletedTask
            : recorder.RecordAsync(gitSync, EventRecorder.Normal, reason, $"revision {revision}: {changes}", cancellationToken);
    }

    /// <summary>
    /// A Warning with the Ready reason when Ready is False and was not so with that reason and message before; its message
    /// is <paramref name="details"/> (the whole list of failures, bounded) when given, else Ready's.
    /// </summary>
    public Task FailedAsync(GitSync gitSync, GitSyncStatus before, GitSyncStatus after, string? details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Conditions.Find(ConditionTypes.Ready);
        var ready = after.Conditions.Find(ConditionTypes.Ready);
        var transition = ready is { Status: Condition.False } && (old?.Status != ready.Status || old.Reason != ready.Reason || old.Message != ready.Message);
        return transition
            ? recorder.RecordAsync(gitSync, EventRecorder.Warning, ready!.Reason, details ?? ready.Message, cancellationToken)
            : Task.CompletedTask;
    }
}
