using KubeEmulator.Controllers;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class JobControllerTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private static V1Job Job(int? completions = null, int? backoffLimit = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "migrate", NamespaceProperty = "shop" },
        Spec = new V1JobSpec { Completions = completions, BackoffLimit = backoffLimit, Template = Workloads.Template("migrate:1") },
    };

    [Fact]
    public void Job_starts_running_before_the_delay()
    {
        var status = JobController.DesiredStatus(Job(), WorkloadFate.Healthy, due: false, Now);

        Assert.Equal(Now, status?.StartTime);
        Assert.Equal(1, status?.Active);
        Assert.Null(status?.Conditions);
    }

    [Fact]
    public void Job_completes_every_completion_after_the_delay()
    {
        var job = Job(completions: 3);
        job.Status = new V1JobStatus { StartTime = Now };

        var status = JobController.DesiredStatus(job, WorkloadFate.Healthy, due: true, Now.AddSeconds(1));

        Assert.Equal(3, status?.Succeeded);
        Assert.Equal(Now, status?.StartTime);
        Assert.Equal(Now.AddSeconds(1), status?.CompletionTime);
        Assert.Null(status?.Active);
        Assert.Equal(["SuccessCriteriaMet", "Complete"], status?.Conditions.Select(c => c.Type));
        Assert.All(status!.Conditions, c => Assert.Equal("True", c.Status));
    }

    [Fact]
    public void Job_with_the_fail_marker_exceeds_its_backoff_limit()
    {
        var status = JobController.DesiredStatus(Job(backoffLimit: 2), WorkloadFate.Fails, due: true, Now);

        Assert.Equal(3, status?.Failed);
        Assert.Null(status?.CompletionTime);
        var failed = Assert.Single(status!.Conditions, c => c.Type == "Failed");
        Assert.Equal(("True", "BackoffLimitExceeded"), (failed.Status, failed.Reason));
    }

    [Fact]
    public void Never_ready_job_keeps_running()
    {
        var status = JobController.DesiredStatus(Job(), WorkloadFate.NeverReady, due: true, Now);

        Assert.Equal(1, status?.Active);
        Assert.Null(status?.Succeeded);
    }

    [Fact]
    public void Finished_or_suspended_job_is_left_alone()
    {
        var done = Job();
        done.Status = JobController.DesiredStatus(done, WorkloadFate.Healthy, due: true, Now);
        var suspended = Job();
        suspended.Spec.Suspend = true;

        Assert.Null(JobController.DesiredStatus(done, WorkloadFate.Healthy, due: true, Now.AddHours(1)));
        Assert.Null(JobController.DesiredStatus(suspended, WorkloadFate.Healthy, due: true, Now));
    }
}
