namespace GitOpsOperator.Conditions;

/// <summary>
/// The kstatus condition set every reconciler reports: Ready, plus Reconciling while work is under way and
/// Stalled when retrying cannot help until the spec changes.
/// </summary>
public static class KStatus
{
    /// <summary>Work under way: Reconciling=True and Ready=Unknown with reason Progressing; no Stalled.</summary>
    public static IReadOnlyList<Condition> Progressing(IReadOnlyList<Condition> conditions, string message, long generation, DateTimeOffset now) =>
        conditions
            .Set(ConditionTypes.Reconciling, Condition.True, Reasons.Progressing, message, generation, now)
            .Set(ConditionTypes.Ready, Condition.Unknown, Reasons.Progressing, message, generation, now)
            .Remove(ConditionTypes.Stalled);

    /// <summary>Done: Ready=True with reason Succeeded; no Reconciling, no Stalled.</summary>
    public static IReadOnlyList<Condition> Succeeded(IReadOnlyList<Condition> conditions, string message, long generation, DateTimeOffset now) =>
        conditions
            .Set(ConditionTypes.Ready, Condition.True, Reasons.Succeeded, message, generation, now)
            .Remove(ConditionTypes.Reconciling)
            .Remove(ConditionTypes.Stalled);

    /// <summary>
    /// A failure that will be retried: Ready=False with the reason; no Reconciling, no Stalled.
    /// </summary>
    public static IReadOnlyList<Condition> Failed(IReadOnlyList<Condition> conditions, string reason, string message, long generation, DateTimeOffset now) =>
        conditions
            .Set(ConditionTypes.Ready, Condition.False, reason, message, generation, now)
            .Remove(ConditionTypes.Reconciling)
            .Remove(ConditionTypes.Stalled);

    /// <summary>A failure only a spec change can fix: Ready=False and Stalled=True with the same reason; no Reconciling.</summary>
    public static IReadOnlyList<Condition> Stalled(IReadOnlyList<Condition> conditions, string reason, string message, long generation, DateTimeOffset now) =>
        conditions
            .Set(ConditionTypes.Ready, Condition.False, reason, message, generation, now)
            .Set(ConditionTypes.Stalled, Condition.True, reason, message, generation, now)
            .Remove(ConditionTypes.Reconciling);
}
