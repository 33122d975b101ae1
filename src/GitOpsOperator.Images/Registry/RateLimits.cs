using System.Collections.Concurrent;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// Registries that answered 429, and until when: no request goes to such a host before the time it named (Retry-After,
/// or a minute when it named none), whichever ImageRepository asks. One 429 never becomes a storm of retries.
/// </summary>
internal sealed class RateLimits(TimeProvider time)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> notBefore = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long requests to the host must still wait, or null when they may go now.</summary>
    public TimeSpan? Remaining(string host)
    {
        if (notBefore.TryGetValue(host, out var until))
        {
            var left = until - time.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                return left;
            }

            notBefore.TryRemove(host, out _);
        }

        return null;
    }

    /// <summary>Records a 429 and returns the wait it imposes.</summary>
    public TimeSpan Limited(string host, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retry = response.Headers.RetryAfter;
        var wait = retry?.Delta ?? (retry?.Date is { } date ? date - time.GetUtcNow() : DefaultWait);
        wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
        notBefore[host] = time.GetUtcNow() + wait;
        return wait;
    }
}
