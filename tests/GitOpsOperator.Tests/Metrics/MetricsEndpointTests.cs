using System.Net.Http.Headers;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.GitRepositories;

namespace GitOpsOperator.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    private static bool IsReady(GitRepository repository, bool ready) =>
        repository.Status?.Conditions.Find(ConditionTypes.Ready)?.Status == (ready ? Condition.True : Condition.False);

    [Fact]
    public async Task Metrics_after_a_GitRepository_reconcile_show_every_named_series()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        await origin.CommitAsync("first", ("app.yaml", "kind: ConfigMap\n"));
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1h" });
        await env.CreateAsync("broken", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Ref = new GitReference { Branch = "no-such-branch" }, Interval = "1h" });
        await env.WaitForAsync("config", r => IsReady(r, ready: true), "Ready");
        await env.WaitForAsync("broken", r => IsReady(r, ready: false), "not Ready");

        var scrape = await Scrape.UntilAsync(
            env.HttpAddress,
            s => s.Value("gitops_reconcile_total", ("kind", "GitRepository"), ("result", "success")) >= 1
                && s.Value("gitops_reconcile_total", ("kind", "GitRepository"), ("result", "failure")) >= 1,
            "a successful and a failed GitRepository reconcile counted");

        Assert.True(scrape.Value("gitops_reconcile_duration_seconds_count", ("kind", "GitRepository")) >= 2, scrape.Text);
        Assert.True(scrape.Value("gitops_reconcile_duration_seconds_sum", ("kind", "GitRepository")) > 0, scrape.Text);
        Assert.NotNull(scrape.Value("gitops_workqueue_depth", ("kind", "GitRepository")));
        Assert.Equal(0, scrape.Value("gitops_objects_applied_total"));
        Assert.Equal(0, scrape.Value("gitops_objects_pruned_total"));
        Assert.True(scrape.Value("gitops_git_polls_total", ("fetched", "true")) >= 1, scrape.Text);
        Assert.NotNull(scrape.Value("gitops_git_polls_total", ("fetched", "false")));
        Assert.True(scrape.Value("gitops_git_fetch_duration_seconds_count") >= 1, scrape.Text);
        foreach (var verb in new[] { "list", "watch", "patch", "create" })
        {
            Assert.True(scrape.Value("gitops_api_requests_total", ("verb", verb)) >= 1, $"no {verb} requests counted:\n{scrape.Text}");
        }
    }

    [Fact]
    public async Task Metrics_are_served_in_the_Prometheus_text_format()
    {
        await using var env = await OperatorWithGit.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(env.HttpAddress, "/metrics"));

        response.EnsureSuccessStatusCode();
        Assert.Equal(MediaTypeHeaderValue.Parse("text/plain; version=0.0.4; charset=utf-8"), response.Content.Headers.ContentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE gitops_reconcile_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE gitops_api_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE gitops_workqueue_depth gauge", text, StringComparison.Ordinal);
    }
}
