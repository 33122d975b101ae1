using GitOpsOperator.Tests.GitSyncs;

namespace GitOpsOperator.Tests.Metrics;

public sealed class GitSyncMetricsTests
{
    [Fact]
    public async Task Syncs_count_the_objects_they_applied_and_pruned_and_their_requests()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var first = await scenario.PushAsync(
            "start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")), ("apps/web/b.yaml", GitSyncScenario.ConfigMap("b", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", first);
        var second = await scenario.PushAsync(
            "change a, remove b, add c",
            ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "2")),
            ("apps/web/b.yaml", null),
            ("apps/web/c.yaml", GitSyncScenario.ConfigMap("c", "1")));
        await scenario.WaitForAppliedAsync("web", second);

        var scrape = await Scrape.UntilAsync(
            scenario.Host.HttpAddress,
            s => s.Value("gitops_reconcile_total", ("kind", "GitSync"), ("result", "success")) >= 2,
            "both GitSync reconciles counted");

        Assert.Equal(4, scrape.Value("gitops_objects_applied_total"));
        Assert.Equal(1, scrape.Value("gitops_objects_pruned_total"));
        Assert.True(scrape.Value("gitops_reconcile_duration_seconds_count", ("kind", "GitSync")) >= 2, scrape.Text);
        Assert.NotNull(scrape.Value("gitops_workqueue_depth", ("kind", "GitSync")));
        Assert.True(scrape.Value("gitops_api_requests_total", ("verb", "delete")) >= 1, scrape.Text);
    }
}
