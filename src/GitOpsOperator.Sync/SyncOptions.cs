namespace GitOpsOperator.Sync;

/// <summary>How a sync behaves; <see cref="Default"/> is what a GitSync without settings gets.</summary>
public sealed record SyncOptions
{
    public static SyncOptions Default { get; } = new();

    /// <summary>
    /// How many requests run at once (dry-runs, applies, deletes): enough that a sync through 40 ms of latency per request
    /// is not a queue of round trips (bench/RESULTS.md, #18).
    /// </summary>
    public int Parallelism { get; init; } = 32;

    /// <summary>Recreate (delete + apply) objects whose immutable fields changed.</summary>
    public bool Force { get; init; }

    /// <summary>Delete inventory objects that left the desired set.</summary>
    public bool Prune { get; init; }

    /// <summary>With prune: allow a desired set with no object to prune everything.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>How long a sync may wait for the live objects of a kind to be listed (the GitSync's spec.timeout).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long CRDs the set brings may take to become Established.</summary>
    public TimeSpan CrdEstablishTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
