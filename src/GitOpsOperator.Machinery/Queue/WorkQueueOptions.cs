namespace GitOpsOperator.Queue;

public sealed record WorkQueueOptions
{
    /// <summary>What the queue holds, as logs and metrics name it (the controller's kind).</summary>
    public string Name { get; init; } = "work";

    /// <summary>How many keys are worked on at once (never two runs of one key).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>The retry back-off for failures whose result names none.</summary>
    public Backoff Backoff { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    /// <summary>Cancels in-flight work at once, without the grace period (this replica lost the leader Lease).</summary>
    public CancellationToken Abort { get; init; }

    /// <summary>How long in-flight work may go on after shutdown begins before its token is cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the queue reports its depth and each run's result and duration.</summary>
    public IWorkQueueMetrics Metrics { get; init; } = UnobservedQueue.Instance;
}
