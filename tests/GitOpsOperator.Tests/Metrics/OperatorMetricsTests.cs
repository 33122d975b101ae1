using GitOpsOperator.Metrics;

namespace GitOpsOperator.Tests.Metrics;

public sealed class OperatorMetricsTests
{
    [Fact]
    public async Task Two_operators_in_one_process_keep_separate_counts()
    {
        var first = new OperatorMetrics();
        var second = new OperatorMetrics();

        first.ObjectsApplied(3);
        first.ObjectsPruned(1);
        first.ApiRequest("patch");
        second.ObjectsApplied(1);

        var one = await Scrape.FromAsync(first.Registry);
        var two = await Scrape.FromAsync(second.Registry);
        Assert.Equal((3.0, 1.0, 1.0), (one.Value("gitops_objects_applied_total"), one.Value("gitops_objects_pruned_total"), one.Value("gitops_api_requests_total", ("verb", "patch"))));
        Assert.Equal((1.0, 0.0), (two.Value("gitops_objects_applied_total"), two.Value("gitops_objects_pruned_total")));
        Assert.Null(two.Value("gitops_api_requests_total", ("verb", "patch")));
    }

    [Fact]
    public async Task Git_polls_count_by_fetched_and_only_fetches_are_timed()
    {
        var metrics = new OperatorMetrics();

        metrics.GitPolled(fetched: true, TimeSpan.FromSeconds(2));
        metrics.GitPolled(fetched: false, TimeSpan.FromMilliseconds(20));
        metrics.GitPolled(fetched: false, TimeSpan.FromMilliseconds(30));

        var scrape = await Scrape.FromAsync(metrics.Registry);
        Assert.Equal(1, scrape.Value("gitops_git_polls_total", ("fetched", "true")));
        Assert.Equal(2, scrape.Value("gitops_git_polls_total", ("fetched", "false")));
        Assert.Equal(1, scrape.Value("gitops_git_fetch_duration_seconds_count"));
        Assert.Equal(2, scrape.Value("gitops_git_fetch_duration_seconds_sum"));
    }
}
