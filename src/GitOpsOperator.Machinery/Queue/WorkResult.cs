namespace GitOpsOperator.Queue;

/// <summary>What a work item's handler reports: done, done and due again later, or failed (retried with back-off).</summary>
public sealed record WorkResult
{
    private WorkResult(TimeSpan? requeueAfter, string? error, Backoff? backoff)
    {
        RequeueAfter = requeueAfter;
        Error = error;
        Backoff = backoff;
    }

    /// <summary>Done; nothing is scheduled.</summary>
    public static WorkResult Done { get; } = new(null, null, null);

    /// <summary>When the key is due again after a success (e.g. the reconcile interval).</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Why the work failed; null on success.</summary>
    public string? Error { get; }

    /// <summary>The back-off for this failure; null takes the queue's default.</summary>
    public Backoff? Backoff { get; }

    public bool Failed => Error is not null;

    /// <summary>Done; the key runs again after the delay.</summary>
    public static WorkResult After(TimeSpan requeueAfter) => new(requeueAfter, null, null);

    /// <summary>Failed; the key is retried after its back-off (the given one, else the queue's).</summary>
    public static WorkResult Failure(string error, Backoff? backoff = null) => new(null, error, backoff);
}
