namespace GitOpsOperator.Queue;

/// <summary>
/// Which keys a free worker takes first: every <see cref="Normal"/> key before any <see cref="Low"/> one, each lane in the
/// order added. A key waiting in the low lane that is added again normally moves up; never down.
/// </summary>
public enum WorkPriority
{
    /// <summary>Work that only brings a record up to date (e.g. a new revision that changes none of the key's objects).</summary>
    Low,

    /// <summary>Everything else: first sight, spec changes, drift, timers, new revisions that change objects.</summary>
    Normal,
}
