namespace GitOpsOperator.Source.Push;

/// <summary>How often a push that lost a race is tried again, and how long to wait before the first retry
/// (doubled before each next one, plus up to half of it at random so racing writers spread out).</summary>
public sealed record PushRetry(int Attempts, TimeSpan FirstDelay)
{
    public static readonly PushRetry Default = new(5, TimeSpan.FromSeconds(1));

    /// <summary>The wait after the failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = FirstDelay * Math.Pow(2, attempt - 1);
        return delay + (delay * (Random.Shared.NextDouble() / 2));
    }
}
