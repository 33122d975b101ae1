using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncApplyTests
{
    [Fact]
    public async Task First_sync_applies_the_path_and_shows_revision_inventory_and_history()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync(
            "two config maps",
            ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")),
            ("apps/web/b.yaml", GitSyncScenario.ConfigMap("b", "1")));
        await scenario.CreateSourceAsync();

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        var synced = await scenario.WaitForAppliedAsync("web", revision);

        Assert.Equal("1", await scenario.ConfigMapValueAsync("a"));
        Assert.Equal("1", await scenario.ConfigMapValueAsync("b"));
        var status = synced.Status!;
        Assert.Equal(revision, status.LastAttemptedRevision);
        Assert.Equal(synced.Metadata.Generation, status.ObservedGeneration);
        Assert.Equal(["gitops-system_a__ConfigMap", "gitops-system_b__ConfigMap"], status.Inventory!.Entries.Select(e => e.Id));
        Assert.All(status.Inventory.Entries, e => Assert.False(string.IsNullOrEmpty(e.Hash)));
        var entry = Assert.Single(status.History);
        Assert.Equal((revision, HistoryEntry.Succeeded, 2, 0), (entry.Revision, entry.Result, entry.Created, entry.Configured));
        Assert.Contains(GitSyncFinalizer(), synced.Metadata.Finalizers ?? []);
        var events = await scenario.EventsAsync("web");
        Assert.Contains(events, e => e.Type == "Normal" && e.Reason == "Synced" && e.Message.Contains("created 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_commit_configures_what_changed_creates_what_was_added_and_prunes_what_left()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var first = await scenario.PushAsync(
            "start",
            ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")),
            ("apps/web/b.yaml", GitSyncScenario.ConfigMap("b", "1")),
            ("apps/web/c.yaml", GitSyncScenario.ConfigMap("c", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", first);

        var second = await scenario.PushAsync(
            "change a, add d, remove c",
            ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "2")),
            ("apps/web/c.yaml", null),
            ("apps/web/d.yaml", GitSyncScenario.ConfigMap("d", "1")));
        var synced = await scenario.WaitForAppliedAsync("web", second);

        Assert.Equal("2", await scenario.ConfigMapValueAsync("a"));
        Assert.Null(await scenario.ConfigMapValueAsync("c"));
        Assert.Equal("1", await scenario.ConfigMapValueAsync("d"));
        Assert.Equal([second, first], synced.Status!.History.Select(h => h.Revision));
        var latest = synced.Status.History[0];
        Assert.Equal((1, 1, 1, 1), (latest.Created, latest.Configured, latest.Unchanged, latest.Pruned));
        Assert.DoesNotContain(synced.Status.Inventory!.Entries, e => e.Id == "gitops-system_c__ConfigMap");
    }

    [Fact]
    public async Task Bad_commit_writes_nothing_keeps_the_previous_revision_and_names_file_and_line()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var good = await scenario.PushAsync("good", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", good);

        var bad = await scenario.PushAsync(
            "bad",
            ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "2")),
            ("apps/web/broken.yaml", GitSyncScenario.ConfigMap("fine", "1") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_A_Name\n"));
        var failed = await scenario.WaitForSyncAsync(
            "web", s => s.Status?.LastAttemptedRevision == bad && GitSyncScenario.Ready(s)?.Status == Condition.False, "Ready=False at the bad revision");

        var ready = GitSyncScenario.Ready(failed)!;
        Assert.Equal(Reasons.BuildFailed, ready.Reason);
        Assert.Matches(@"apps/web/broken\.yaml:8\b.*Not_A_Name", ready.Message);
        Assert.Null(await scenario.ConfigMapValueAsync("fine"));
        Assert.Equal(good, failed.Status!.LastAppliedRevision);
        Assert.Equal("1", await scenario.ConfigMapValueAsync("a"));
        Assert.Equal((bad, HistoryEntry.Failed), (failed.Status.History[0].Revision, failed.Status.History[0].Result));
        var warnings = await scenario.EventsAsync("web");
        Assert.Contains(warnings, e => e.Type == "Warning" && e.Reason == Reasons.BuildFailed);

        var fixedRevision = await scenario.PushAsync("fix", ("apps/web/broken.yaml", null));
        await scenario.WaitForAppliedAsync("web", fixedRevision);
        Assert.Equal("2", await scenario.ConfigMapValueAsync("a"));
    }

    private static string GitSyncFinalizer() => Controllers.GitSyncs.GitSyncFinalizer.Name;
}
