namespace GitOpsOperator.Queue;

/// <summary>
/// Exponential back-off after failures: <see cref="Initial"/> after the first, doubling after each further one,
/// never beyond <see cref="Max"/>. Jitter shortens each delay by up to that fraction, so retries of many keys
/// that failed together spread out without ever exceeding the cap.
/// </summary>
public sealed record Backoff(TimeSpan Initial, TimeSpan Max, double Jitter = 0.1)
{
    /// <summary>The delay before the retry that follows the given number of consecutive failures (1 or more).</summary>
    public TimeSpan DelayAfter(int failures, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doubled = Initial.TotalMilliseconds * Math.Pow(2, failures - 1);
        var capped = Math.Min(doubled, Max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - (Jitter * random.NextDouble())));
    }
}
