namespace GitOpsOperator.Conditions;

/// <summary>Reading and replacing conditions in an immutable list, keeping Kubernetes' transition-time rule.</summary>
public static class ConditionList
{
    /// <summary>The condition of that type, or null.</summary>
    public static Condition? Find(this IReadOnlyList<Condition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type);

    /// <summary>True when the condition of that type exists with status True.</summary>
    public static bool IsTrue(this IReadOnlyList<Condition> conditions, string type) =>
        conditions.Find(type)?.Status == Condition.True;

    /// <summary>
    /// The list with a condition of that type set to these values. Its lastTransitionTime stays what it was
    /// unless the status changed (or the condition is new), then it is <paramref name="now"/>. Order is kept;
    /// a new type is appended.
    /// </summary>
    public static IReadOnlyList<Condition> Set(
        this IReadOnlyList<Condition> conditions, string type, string status, string reason, string message, long? observedGeneration, DateTimeOffset now)
    {
        var existing = conditions.Find(type);
        var transitionTime = existing is not null && existing.Status == status ? existing.LastTransitionTime : now;
        var updated = new Condition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastTransitionTime = transitionTime,
            ObservedGeneration = observedGeneration,
        };
        return existing is null
            ? [.. conditions, updated]
            : [.. conditions.Select(c => c.Type == type ? updated : c)];
    }

    /// <summary>The list without a condition of that type.</summary>
    public static IReadOnlyList<Condition> Remove(this IReadOnlyList<Condition> conditions, string type) =>
        [.. conditions.Where(c => c.Type != type)];

    /// <summary>True when both lists hold the same conditions, whatever their order.</summary>
    public static bool SameAs(this IReadOnlyList<Condition> conditions, IReadOnlyList<Condition> other) =>
        conditions.Count == other.Count && conditions.All(c => other.Find(c.Type) == c);
}
