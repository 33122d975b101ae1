using GitOpsOperator.Queue;

namespace GitOpsOperator.Transient;

/// <summary>
/// How often and how patiently a transient API failure is retried: at most <see cref="MaxAttempts"/> sends in all,
/// jittered exponential back-off between them, and a server's Retry-After honoured up to <see cref="MaxRetryAfter"/>.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, Backoff Backoff, TimeSpan MaxRetryAfter)
{
    /// <summary>Six sends, 100 ms doubling to 5 s (jitter half of each delay), Retry-After up to 30 s.</summary>
    public static RetryPolicy Default { get; } = new(6, new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), Jitter: 0.5), TimeSpan.FromSeconds(30));

    /// <summary>The wait before the next send after this many failed ones: the back-off, or longer when the server asked.</summary>
    public TimeSpan DelayAfter(int failures, TimeSpan? retryAfter, Random random)
    {
        var backoff = Backoff.DelayAfter(failures, random);
        if (retryAfter is not { } asked)
        {
            return backoff;
        }

        var honoured = asked < MaxRetryAfter ? asked : MaxRetryAfter;
        return honoured > backoff ? honoured : backoff;
    }
}
