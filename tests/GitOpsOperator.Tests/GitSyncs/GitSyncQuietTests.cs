using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Tests.GitSyncs;

/// <summary>Nothing to do costs nothing: the emulator's request counts show what a reconcile wrote and asked.</summary>
public sealed class GitSyncQuietTests
{
    [Fact]
    public async Task Reconcile_that_finds_nothing_to_change_asks_nothing_of_managed_objects_and_writes_only_the_handled_request()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")), ("apps/web/b.yaml", GitSyncScenario.ConfigMap("b", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web") with { Interval = "1s" });
        var applied = await scenario.WaitForAppliedAsync("web", revision);
        var eventsBefore = await scenario.WaitForEventAsync("web", "Synced");

        scenario.Cluster.Requests.Reset();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await scenario.PatchSyncAsync("web", new { metadata = new { annotations = new Dictionary<string, string> { [ReconcileTriggers.RequestedAtAnnotation] = "now" } } });
        var handled = await scenario.WaitForSyncAsync("web", s => s.Status?.LastHandledReconcileAt == "now", "the request handled");

        Assert.Equal(0, scenario.Cluster.Requests.Count("get", "configmaps") + scenario.Cluster.Requests.Count("patch", "configmaps"));
        Assert.Equal(1, scenario.Cluster.Requests.Count("patch", "gitsyncs/status"));
        Assert.Equal(applied.Status!.History, handled.Status!.History);
        Assert.Equal(eventsBefore, (await scenario.EventsAsync("web")).Count);
    }

    [Fact]
    public async Task Commit_to_another_path_costs_one_status_write_and_no_request_to_managed_objects()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var first = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")), ("apps/other/x.yaml", GitSyncScenario.ConfigMap("x", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", first);
        var eventsBefore = await scenario.WaitForEventAsync("web", "Synced");

        scenario.Cluster.Requests.Reset();
        var elsewhere = await scenario.PushAsync("other app only", ("apps/other/x.yaml", GitSyncScenario.ConfigMap("x", "2")));
        var recorded = await scenario.WaitForAppliedAsync("web", elsewhere);

        Assert.Equal(1, scenario.Cluster.Requests.Count("patch", "gitsyncs/status"));
        Assert.Equal(0, scenario.Cluster.Requests.Snapshot().Where(r => r.Key.Resource.StartsWith("configmaps", StringComparison.Ordinal)).Sum(r => r.Value));
        Assert.Equal(eventsBefore, (await scenario.EventsAsync("web")).Count);
        var entry = recorded.Status!.History[0];
        Assert.Equal((elsewhere, 0, 0, 1), (entry.Revision, entry.Created, entry.Configured, entry.Unchanged));
        Assert.Null(await scenario.ConfigMapValueAsync("x"));
    }
}
