using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using GitOpsOperator.Tests.Queue;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Metrics;

public sealed class WorkQueueMetricsTests
{
    private static readonly Backoff Later = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    [Fact]
    public async Task A_queue_reports_depth_and_each_run_by_its_name_and_result()
    {
        var metrics = new OperatorMetrics();
        var options = new WorkQueueOptions { Name = "Widget", Concurrency = 1, Metrics = metrics };
        await using var harness = new QueueHarness(options, (key, _) => key == "broken" ? WorkResult.Failure("broken", Later) : WorkResult.Done);
        var created = await Scrape.FromAsync(metrics.Registry);
        Assert.Equal((0.0, 0.0, 0.0), (
            created.Value("gitops_workqueue_depth", ("kind", "Widget")),
            created.Value("gitops_reconcile_total", ("kind", "Widget"), ("result", "success")),
            created.Value("gitops_reconcile_total", ("kind", "Widget"), ("result", "failure"))));

        harness.Hold("blocker");
        harness.Queue.Add("blocker");
        await Eventually.TrueAsync(() => harness.Started.Contains("blocker"), "blocker started");
        harness.Queue.Add("a");
        harness.Queue.Add("broken");
        var waiting = await Scrape.FromAsync(metrics.Registry);
        harness.Release("blocker");
        var done = created;
        await Eventually.TrueAsync(
            async () =>
            {
                done = await Scrape.FromAsync(metrics.Registry);
                return done.Value("gitops_reconcile_duration_seconds_count", ("kind", "Widget")) == 3;
            },
            "three runs timed");

        Assert.Equal(2, waiting.Value("gitops_workqueue_depth", ("kind", "Widget")));
        Assert.Equal(0, done.Value("gitops_workqueue_depth", ("kind", "Widget")));
        Assert.Equal(2, done.Value("gitops_reconcile_total", ("kind", "Widget"), ("result", "success")));
        Assert.Equal(1, done.Value("gitops_reconcile_total", ("kind", "Widget"), ("result", "failure")));
    }
}
