namespace GitOpsOperator.Testing.Faults;

/// <summary>
/// What a <see cref="FaultRelay"/> does to the requests it passes: fails <see cref="FailureRate"/> of them (an equal
/// share each as 500, as 429 with Retry-After: 1, and as a reset connection), and cuts every watch after
/// <see cref="WatchCut"/>. <see cref="Seed"/> makes the choice of victims repeatable. <see cref="Latency"/> holds every
/// request that long before it is answered: a round trip to an API server far away.
/// </summary>
public sealed record FaultPlan(double FailureRate, TimeSpan? WatchCut = null, int Seed = 13)
{
    public static FaultPlan None { get; } = new(0);

    public TimeSpan Latency { get; init; }
}
