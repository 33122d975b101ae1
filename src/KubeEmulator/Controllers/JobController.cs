using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// Jobs start at once and, after the ready delay, complete (every completion succeeded); with the fail marker
/// they fail with BackoffLimitExceeded instead, with the never-ready marker they run forever. A finished or
/// suspended Job is left alone.
/// </summary>
internal static class JobController
{
    private const int DefaultBackoffLimit = 6;
    private const string CompletedMessage = "Reached expected number of succeeded pods";
    private const string FailedMessage = "Job has reached the specified backoff limit";

    public static ISimulatedController Create(IKubernetes client, ControllerOptions options) =>
        new StatusController<V1Job, V1JobStatus>(
            KindApis.Jobs(client),
            options,
            job => job.Status,
            (job, status) => job with { Status = status },
            (job, due) => DesiredStatus(job, WorkloadFates.Of(job.Spec?.Template, options), due, Now()));

    /// <summary>The status to write, or null when the Job is finished or suspended.</summary>
    public static V1JobStatus? DesiredStatus(V1Job job, WorkloadFate fate, bool due, DateTime now)
    {
        if (job.Spec?.Suspend == true || IsFinished(job.Status))
        {
            return null;
        }

        var startTime = job.Status?.StartTime ?? now;
        return (fate, due) switch
        {
            (WorkloadFate.Healthy, true) => Completed(job, startTime, now),
            (WorkloadFate.Fails, true) => Failed(job, startTime, now),
            _ => Running(job, startTime),
        };
    }

    private static V1JobStatus Running(V1Job job, DateTime startTime) => new()
    {
        StartTime = startTime,
        Active = Math.Min(Parallelism(job), Completions(job)),
        Ready = 0,
        UncountedTerminatedPods = new V1UncountedTerminatedPods(),
    };

    private static V1JobStatus Completed(V1Job job, DateTime startTime, DateTime now)
    {
        var completions = Completions(job);
        return new V1JobStatus
        {
            StartTime = startTime,
            CompletionTime = now,
            Succeeded = completions,
            Ready = 0,
            CompletedIndexes = job.Spec?.CompletionMode == "Indexed" ? IndexRange(completions) : null,
            UncountedTerminatedPods = new V1UncountedTerminatedPods(),
            Conditions =
            [
                Condition("SuccessCriteriaMet", "CompletionsReached", CompletedMessage, now),
                Condition("Complete", "CompletionsReached", CompletedMessage, now),
            ],
        };
    }

    private static V1JobStatus Failed(V1Job job, DateTime startTime, DateTime now) => new()
    {
        StartTime = startTime,
        Failed = (job.Spec?.BackoffLimit ?? DefaultBackoffLimit) + 1,
        Ready = 0,
        UncountedTerminatedPods = new V1UncountedTerminatedPods(),
        Conditions =
        [
            Condition("FailureTarget", "BackoffLimitExceeded", FailedMessage, now),
            Condition("Failed", "BackoffLimitExceeded", FailedMessage, now),
        ],
    };

    private static bool IsFinished(V1JobStatus? status) =>
        status?.Conditions?.Any(c => c.Type is "Complete" or "Failed" && c.Status == "True") == true;

    private static int Parallelism(V1Job job) => Math.Max(job.Spec?.Parallelism ?? 1, 1);

    private static int Completions(V1Job job) => Math.Max(job.Spec?.Completions ?? Parallelism(job), 1);

    private static string IndexRange(int completions) => completions == 1 ? "0" : $"0-{completions - 1}";

    private static V1JobCondition Condition(string type, string reason, string message, DateTime now) => new()
    {
        Type = type,
        Status = "True",
        Reason = reason,
        Message = message,
        LastProbeTime = now,
        LastTransitionTime = now,
    };

    private static DateTime Now() => Timestamps.Now();
}
