using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>What a user reads off a GitSync's status.</summary>
internal static class GitSyncReading
{
    public static Condition? Ready(this GitSync sync) => sync.Status?.Conditions.Find(ConditionTypes.Ready);

    /// <summary>Ready=True for the current spec, with this revision applied.</summary>
    public static bool IsReadyAt(this GitSync sync, string revision) =>
        sync.Ready() is { Status: Condition.True }
        && sync.Status!.LastAppliedRevision == revision
        && sync.Status.ObservedGeneration == sync.Metadata.Generation;

    /// <summary>Ready=False with this reason, after attempting this revision.</summary>
    public static bool IsFailingAt(this GitSync sync, string reason, string revision) =>
        sync.Ready() is { Status: Condition.False } ready && ready.Reason == reason && sync.Status!.LastAttemptedRevision == revision;
}
