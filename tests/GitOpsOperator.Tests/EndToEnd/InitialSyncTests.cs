using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class InitialSyncTests
{
    [Fact]
    public async Task Pushing_a_path_of_twenty_mixed_objects_applies_them_all_and_reports_the_pushed_commit()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync("Add the shop", ShopApp.Files);

        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  prune: true\n");
        var sync = await cluster.WaitForReadyAsync("shop", sha);

        var live = await LiveObjects.ShopAsync(cluster);
        Assert.Equal(20, live.Count);
        var table = KubectlTable.Parse(await cluster.KubectlAsync("get", "gitsyncs", "-n", GitOpsCluster.Namespace)).Row("shop");
        Assert.Equal(("config", GitOpsCluster.Revision(sha), "True"), (table["SOURCE"], table["REVISION"], table["READY"]));
        Assert.Equal(20, sync.Status!.Inventory!.Entries.Count);
        Assert.Contains(sync.Status.Inventory.Entries, e => e.Id == "shop_gizmo_shop.example.com_Widget" && e.Version == "v1");
        Assert.Contains(sync.Status.Inventory.Entries, e => e.Id == "_shop__Namespace" && e.Version == "v1");
        var entry = Assert.Single(sync.Status.History);
        Assert.Equal((GitOpsCluster.Revision(sha), HistoryEntry.Succeeded, 20), (entry.Revision, entry.Result, entry.Created));
        Assert.Equal(Reasons.Succeeded, sync.Ready()!.Reason);
    }

    [Fact]
    public async Task Applied_objects_carry_the_owner_labels_and_the_operators_field_manager()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync("Add the shop", ShopApp.Files);

        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n");
        await cluster.WaitForReadyAsync("shop", sha);

        var labels = await cluster.KubectlAsync(
            "get", "widget.shop.example.com/gizmo", "-n", ShopApp.Namespace,
            "-o", "jsonpath={.metadata.labels.gitops\\.operator\\.io/name}/{.metadata.labels.gitops\\.operator\\.io/namespace}");
        Assert.Equal($"shop/{GitOpsCluster.Namespace}", labels);
        var managers = await cluster.KubectlAsync(
            "get", "deployment/web", "-n", ShopApp.Namespace, "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}");
        Assert.Contains(GitOpsApi.FieldManager, managers.Split(' '));
    }
}
