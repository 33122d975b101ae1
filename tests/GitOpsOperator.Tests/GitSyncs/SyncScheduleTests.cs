using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Queue;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class SyncScheduleTests
{
    [Fact]
    public void Retries_start_at_retry_interval_and_never_exceed_interval()
    {
        Assert.True(SyncSchedule.TryRead(GitSyncScenario.Spec("./") with { Interval = "2m", RetryInterval = "30s" }, out var schedule, out _));

        var retry = schedule.Retry("ApplyFailed: boom");

        Assert.True(retry.Failed);
        Assert.Equal(new Backoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)), retry.Backoff);
        Assert.InRange(retry.Backoff!.DelayAfter(1, new Random(1)), TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(30));
        Assert.InRange(retry.Backoff.DelayAfter(2, new Random(1)), TimeSpan.FromSeconds(54), TimeSpan.FromSeconds(60));
        Assert.InRange(retry.Backoff.DelayAfter(5, new Random(1)), TimeSpan.FromSeconds(108), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void Success_runs_again_after_the_interval()
    {
        Assert.True(SyncSchedule.TryRead(GitSyncScenario.Spec("./") with { Interval = "10m" }, out var schedule, out _));

        Assert.Equal(TimeSpan.FromMinutes(10), schedule.Next.RequeueAfter);
    }

    [Fact]
    public void Duration_that_is_not_one_is_named_with_its_field()
    {
        var spec = GitSyncScenario.Spec("./") with { Timeout = "soon" };

        Assert.False(SyncSchedule.TryRead(spec, out _, out var problem));
        Assert.Contains("spec.timeout \"soon\"", problem, StringComparison.Ordinal);
    }
}
