using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// The status an ImageUpdateAutomation should show after a step of its run, from the status it shows now. A run that
/// finds nothing to release and nothing new to hold yields a status equal to the current one: it costs no write.
/// </summary>
public static class ImageUpdateAutomationStatuses
{
    public static ImageUpdateAutomationStatus Progressing(ImageUpdateAutomationStatus current, long generation, DateTimeOffset now) =>
        current with { Conditions = KStatus.Progressing(current.Conditions, $"reconciling generation {generation}", generation, now) };

    /// <summary>
    /// After a run that reached git: Ready=True (Succeeded when it pushed, NoChange when nothing needed a change) or
    /// Ready=False MarkerInvalid when a marker is broken (the valid ones were still released).
    /// </summary>
    public static ImageUpdateAutomationStatus Ran(ImageUpdateAutomationStatus current, RunOutcome run, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(run);
        var pushed = run.Commit is not null;
        var conditions = run.MarkerErrors.Count > 0
            ? KStatus.Failed(current.Conditions, Reasons.MarkerInvalid, run.Message, generation, now)
            : pushed
                ? KStatus.Succeeded(current.Conditions, run.Message, generation, now)
                : current.Conditions
                    .Set(ConditionTypes.Ready, Condition.True, Reasons.NoChange, run.Message, generation, now)
                    .Remove(ConditionTypes.Reconciling)
                    .Remove(ConditionTypes.Stalled);
        return current with
        {
            ObservedGeneration = generation,
            LastPushCommit = run.Commit ?? current.LastPushCommit,
            LastPushTime = pushed ? WholeSeconds(now) : current.LastPushTime,
            Holds = run.Holds,
            Released = run.Released,
            Conditions = conditions,
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
        };
    }

    /// <summary>Ready=False with the reason; a spec that cannot work or a refused cross-namespace reference is also Stalled.</summary>
    public static ImageUpdateAutomationStatus Failed(
        ImageUpdateAutomationStatus current, string reason, string message, bool stalled, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            ObservedGeneration = generation,
            Conditions = stalled
                ? KStatus.Stalled(current.Conditions, reason, message, generation, now)
                : KStatus.Failed(current.Conditions, reason, message, generation, now),
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
        };
    }

    public static ImageUpdateAutomationStatus Suspended(ImageUpdateAutomationStatus current, long generation) =>
        current with { ObservedGeneration = generation };

    public static bool SameAs(this ImageUpdateAutomationStatus current, ImageUpdateAutomationStatus desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return current.ObservedGeneration == desired.ObservedGeneration
            && current.LastPushCommit == desired.LastPushCommit
            && current.LastPushTime == desired.LastPushTime
            && current.Holds.SequenceEqual(desired.Holds)
            && current.Released.SequenceEqual(desired.Released)
            && current.LastHandledReconcileAt == desired.LastHandledReconcileAt
            && current.Conditions.SameAs(desired.Conditions);
    }

    // The API stores times to the second; the value written must equal the one read back.
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
