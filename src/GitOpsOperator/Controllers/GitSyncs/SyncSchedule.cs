using GitOpsOperator.Api;
using GitOpsOperator.Queue;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>A GitSync's durations: when it runs again after a success, how retries back off, and how long a sync may take.</summary>
public sealed record SyncSchedule(TimeSpan Interval, TimeSpan RetryInterval, TimeSpan Timeout)
{
    /// <summary>Reads the spec's durations; false with a message naming the field that is not a positive duration.</summary>
    public static bool TryRead(GitSyncSpec spec, out SyncSchedule schedule, out string problem)
    {
        ArgumentNullException.ThrowIfNull(spec);
        schedule = new SyncSchedule(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        problem = Problem("interval", spec.Interval) ?? Problem("retryInterval", spec.RetryInterval) ?? Problem("timeout", spec.Timeout) ?? "";
        if (problem.Length > 0)
        {
            return false;
        }

        schedule = new SyncSchedule(Duration.Parse(spec.Interval), Duration.Parse(spec.RetryInterval), Duration.Parse(spec.Timeout));
        return true;
    }

    /// <summary>Done: run again after the interval.</summary>
    public WorkResult Next => WorkResult.After(Interval);

    /// <summary>Failed: retry after retryInterval, doubling (with jitter) after each further failure, never beyond interval.</summary>
    public WorkResult Retry(string error) =>
        WorkResult.Failure(error, new Backoff(RetryInterval, Interval < RetryInterval ? RetryInterval : Interval));

    private static string? Problem(string field, string value) =>
        Duration.TryParse(value, out var parsed) && parsed > TimeSpan.Zero
            ? null
            : $"spec.{field} \"{value}\" is not a positive duration (examples: 30s, 1m, 1h)";
}
