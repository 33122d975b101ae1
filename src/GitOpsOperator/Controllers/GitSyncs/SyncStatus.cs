using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The status a GitSync should show after a step of its reconcile, computed from the status it shows now. Messages
/// depend only on the outcome (never on counts or times), so a reconcile that changed nothing yields an equal status.
/// </summary>
public static class SyncStatus
{
    /// <summary>suspend: true — Ready=False Suspended; nothing else moves.</summary>
    public static GitSyncStatus Suspended(GitSyncStatus current, long generation, string? requestedAt, DateTimeOffset now) =>
        current with
        {
            ObservedGeneration = generation,
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
            Conditions = KStatus.Failed(current.Conditions, Reasons.Suspended, "suspended: changes in git are not applied", generation, now),
        };

    /// <summary>A new generation is being worked on: Reconciling=True, Ready=Unknown (Progressing).</summary>
    public static GitSyncStatus Progressing(GitSyncStatus current, long generation, string message, DateTimeOffset now) =>
        current with { Conditions = KStatus.Progressing(current.Conditions, message, generation, now) };

    /// <summary>Nothing was attempted (no artifact, a dependency not ready, an invalid spec): Ready=False with the reason.</summary>
    public static GitSyncStatus Blocked(GitSyncStatus current, string reason, string message, long generation, string? requestedAt, DateTimeOffset now) =>
        reason == Reasons.InvalidSpec
            ? Stalled(current, reason, message, generation, requestedAt, now)
            : current with
            {
                ObservedGeneration = generation,
                LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
                Conditions = KStatus.Failed(current.Conditions, reason, message, generation, now).Remove(ConditionTypes.Healthy),
            };

    /// <summary>Refused until the spec (or the operator's flags) change: Ready=False and Stalled=True with the reason; nothing was attempted.</summary>
    public static GitSyncStatus Stalled(GitSyncStatus current, string reason, string message, long generation, string? requestedAt, DateTimeOffset now) =>
        current with
        {
            ObservedGeneration = generation,
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
            Conditions = KStatus.Stalled(current.Conditions, reason, message, generation, now),
        };

    /// <summary>A revision was attempted and failed: Ready=False naming what failed; the inventory records what was applied.</summary>
    public static GitSyncStatus Failed(GitSyncStatus current, Attempt attempt, string reason, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var conditions = KStatus.Failed(current.Conditions, reason, attempt.Entry.Message ?? reason, generation, now);
        return Recorded(current, attempt, generation, requestedAt) with
        {
            Conditions = reason == Reasons.HealthCheckFailed
                ? conditions.Set(ConditionTypes.Healthy, Condition.False, reason, attempt.Entry.Message ?? reason, generation, now)
                : conditions,
        };
    }

    /// <summary>Applied, but wait: true and not every object is healthy yet: Reconciling=True, Ready=Unknown.</summary>
    public static GitSyncStatus WaitingForHealth(GitSyncStatus current, Attempt attempt, long generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var message = $"applied revision {attempt.Revision}; waiting for {attempt.Inventory.Entries.Count} objects to become healthy";
        return current with
        {
            LastAttemptedRevision = attempt.Revision,
            Inventory = attempt.Inventory,
            Conditions = KStatus.Progressing(current.Conditions, message, generation, now),
        };
    }

    /// <summary>The revision is applied (and healthy when waited for): Ready=True.</summary>
    public static GitSyncStatus Succeeded(GitSyncStatus current, Attempt attempt, bool waited, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var conditions = KStatus.Succeeded(current.Conditions, $"applied revision {attempt.Revision}", generation, now);
        return Recorded(current, attempt, generation, requestedAt) with
        {
            LastAppliedRevision = attempt.Revision,
            Conditions = waited
                ? conditions.Set(ConditionTypes.Healthy, Condition.True, Reasons.Succeeded, "every applied object is healthy", generation, now)
                : conditions.Remove(ConditionTypes.Healthy),
        };
    }

    /// <summary>Whether writing <paramref name="desired"/> would change anything a reader can see.</summary>
    public static bool SameAs(this GitSyncStatus current, GitSyncStatus desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return current.ObservedGeneration == desired.ObservedGeneration
            && current.LastAppliedRevision == desired.LastAppliedRevision
            && current.LastAttemptedRevision == desired.LastAttemptedRevision
            && current.LastHandledReconcileAt == desired.LastHandledReconcileAt
            && current.Conditions.SameAs(desired.Conditions)
            && current.Inventory.SameAs(desired.Inventory)
            && current.History.SameAs(desired.History);
    }

    private static GitSyncStatus Recorded(GitSyncStatus current, Attempt attempt, long generation, string? requestedAt) =>
        current with
        {
            ObservedGeneration = generation,
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
            LastAttemptedRevision = attempt.Revision,
            Inventory = attempt.Inventory,
            History = HistoryBook.Record(current.History, attempt.Entry),
        };
}
