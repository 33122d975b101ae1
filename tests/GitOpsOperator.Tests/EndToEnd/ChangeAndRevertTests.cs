using GitOpsOperator.Api;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ChangeAndRevertTests
{
    /// <summary>One changed field (settings' color), one added object (promotions), one deleted file (features).</summary>
    private static readonly (string Path, string? Content)[] ThreeChanges =
    [
        ($"{ShopApp.Path}/config/settings.yaml", ShopApp.Settings("green")),
        ($"{ShopApp.Path}/config/promotions.yaml", ShopApp.ConfigMap("promotions", "spring", "10%")),
        ($"{ShopApp.Path}/config/features.yaml", null),
    ];

    [Fact]
    public async Task Changing_a_field_adding_an_object_and_deleting_a_file_makes_exactly_those_three_changes()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync("Add the shop", ShopApp.Files);
        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  prune: true\n");
        await cluster.WaitForReadyAsync("shop", first);
        var before = await LiveObjects.SettledShopAsync(cluster);
        var requestsBefore = cluster.Cluster.Requests.Snapshot();

        var second = await cluster.PushAsync("Green settings, spring promotions, no feature flags", ThreeChanges);
        var sync = await cluster.WaitForReadyAsync("shop", second);

        var requests = RequestDelta.Between(requestsBefore, cluster.Cluster.Requests.Snapshot());
        var after = await LiveObjects.ShopAsync(cluster, "configmap/promotions");
        Assert.Equal("green", await ColorAsync(cluster));
        Assert.True(after.ContainsKey("ConfigMap/promotions"), "the added ConfigMap was created");
        Assert.False(after.ContainsKey("ConfigMap/features"), "the ConfigMap whose file was deleted was pruned");
        Assert.NotEqual(before["ConfigMap/settings"], after["ConfigMap/settings"]);
        var untouched = before.Keys.Except(["ConfigMap/settings", "ConfigMap/features"]).ToList();
        Assert.Equal(18, untouched.Count);
        Assert.Equal(untouched.Select(k => (k, before[k])), untouched.Select(k => (k, after[k])));
        Assert.True(
            requests.ToManagedObjects.Keys.All(k => k.Resource == "configmaps"),
            $"only ConfigMaps were asked for or written; requests: {requests}");
        Assert.Equal(2, requests.Writes("configmaps", dryRun: false));
        Assert.Equal(2, requests.Count("patch", "configmaps", dryRun: false));
        Assert.Equal(1, requests.Count("delete", "configmaps", dryRun: false));

        // The plan dry-runs only the changed and the added object; the other 18 match their inventory records.
        Assert.Equal(2, requests.Count("patch", "configmaps", dryRun: true));
        Assert.Equal(2, requests.Writes("configmaps", dryRun: true));
        Assert.Equal(0, requests.Count("delete", "configmaps", dryRun: true));
        Assert.Equal(0, requests.Writes("gitsyncs"));
        Assert.InRange(requests.StatusWrites("gitsyncs"), 1, 2);
        var entry = sync.Status!.History[0];
        Assert.Equal((1, 1, 18, 1), (entry.Created, entry.Configured, entry.Unchanged, entry.Pruned));
    }

    [Fact]
    public async Task Reverting_the_last_commit_restores_the_previous_objects_and_history_shows_both_revisions()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync("Add the shop", ShopApp.Files);
        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  prune: true\n");
        await cluster.WaitForReadyAsync("shop", first);
        var second = await cluster.PushAsync("Green settings, spring promotions, no feature flags", ThreeChanges);
        await cluster.WaitForReadyAsync("shop", second);

        var revert = await cluster.RevertHeadAsync();
        var sync = await cluster.WaitForReadyAsync("shop", revert);

        var live = await LiveObjects.ShopAsync(cluster, "configmap/promotions");
        Assert.Equal("blue", await ColorAsync(cluster));
        Assert.True(live.ContainsKey("ConfigMap/features"), "the deleted ConfigMap came back");
        Assert.False(live.ContainsKey("ConfigMap/promotions"), "the added ConfigMap was pruned");
        Assert.Equal(20, live.Count);
        Assert.Equal(
            [(GitOpsCluster.Revision(revert), HistoryEntry.Succeeded), (GitOpsCluster.Revision(second), HistoryEntry.Succeeded), (GitOpsCluster.Revision(first), HistoryEntry.Succeeded)],
            sync.Status!.History.Select(h => (h.Revision, h.Result)));
        Assert.Equal((1, 1, 1), (sync.Status.History[0].Created, sync.Status.History[0].Configured, sync.Status.History[0].Pruned));
        var shown = await cluster.KubectlAsync("get", "gitsync", "shop", "-n", GitOpsCluster.Namespace, "-o", "jsonpath={.status.history[*].revision}");
        Assert.Equal($"{GitOpsCluster.Revision(revert)} {GitOpsCluster.Revision(second)} {GitOpsCluster.Revision(first)}", shown);
    }

    private static Task<string> ColorAsync(GitOpsCluster cluster) =>
        cluster.KubectlAsync("get", "configmap", "settings", "-n", ShopApp.Namespace, "-o", "jsonpath={.data.color}");
}
