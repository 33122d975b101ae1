using System.Text.Json.Nodes;
using k8s;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class ApplyTests
{
    [Fact]
    public async Task Initial_sync_creates_every_object_of_a_mixed_set_with_owner_labels()
    {
        await using var harness = await SyncHarness.StartAsync();
        var desired = MixedApp.Objects();

        var result = await harness.SyncAsync(desired);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(desired.Count, result.Changes.Count(ChangeAction.Created));
        Assert.Equal(desired.Count, result.Inventory.Count);
        var widget = await harness.Cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>("example.com", "v1", "shop", "widgets", "gear", cancellationToken: harness.Token);
        Assert.Equal(3, widget["spec"]!["size"]!.GetValue<int>());
        var deployment = await harness.Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "shop", cancellationToken: harness.Token);
        Assert.Equal("shop", deployment.Metadata.Labels[GitSyncOwner.NameLabel]);
        Assert.Equal("gitops-system", deployment.Metadata.Labels[GitSyncOwner.NamespaceLabel]);
        Assert.Contains(deployment.Metadata.ManagedFields, m => m.Manager == "gitops-operator" && m.Operation == "Apply");
    }

    [Fact]
    public async Task Second_sync_with_nothing_changed_makes_no_request_at_all()
    {
        await using var harness = await SyncHarness.StartAsync();
        var desired = MixedApp.Objects();
        var first = await harness.SyncAsync(desired);
        Assert.True(first.Succeeded, first.Message);
        await WaitForDeploymentsAvailableAsync(harness);
        harness.Cluster.Requests.Reset();

        var second = await harness.SyncAsync(desired, first.Inventory);

        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(desired.Count, second.Changes.Count(ChangeAction.Unchanged));
        Assert.Equal(0, harness.Cluster.Requests.Total);
    }

    [Fact]
    public async Task One_changed_field_costs_one_dry_run_and_one_write()
    {
        await using var harness = await SyncHarness.StartAsync();
        var desired = MixedApp.Objects();
        var first = await harness.SyncAsync(desired);
        Assert.True(first.Succeeded, first.Message);
        harness.Cluster.Requests.Reset();
        var changed = desired.Select(d => d.Identity.Name == "settings-2"
            ? Rendered.Edited(d, json => json["data"]!["value"] = "changed")
            : d).ToList();

        var second = await harness.SyncAsync(changed, first.Inventory);

        Assert.True(second.Succeeded, second.Message);
        var write = Assert.Single(second.Changes.Writes);
        Assert.Equal("settings-2", write.Identity.Name);
        Assert.Equal(ChangeAction.Configured, write.Action);
        Assert.Equal((1, 1), (harness.Cluster.Requests.Count("patch", "configmaps", dryRun: true), harness.Cluster.Requests.Count("patch", "configmaps", dryRun: false)));
        Assert.Equal(2, harness.Cluster.Requests.Total);
        var live = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings-2", "shop", cancellationToken: harness.Token);
        Assert.Equal("changed", live.Data["value"]);
    }

    [Fact]
    public async Task Restart_verifies_once_by_dry_run_then_costs_nothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        var desired = MixedApp.Objects();
        var first = await harness.SyncAsync(desired);
        Assert.True(first.Succeeded, first.Message);
        await WaitForDeploymentsAvailableAsync(harness);
        var restarted = first.Inventory.Select(r => r with { Hash = null }).ToList();

        var verified = await harness.SyncAsync(desired, restarted);
        harness.Cluster.Requests.Reset();
        var settled = await harness.SyncAsync(desired, verified.Inventory);

        Assert.All(verified.Changes.Changes, c => Assert.True(c.Action == ChangeAction.Unchanged, $"{c.Identity}: {c.Action} ({c.Reason})"));
        Assert.Equal(desired.Count, verified.Changes.Count(ChangeAction.Unchanged));
        Assert.All(verified.Inventory, r => Assert.NotNull(r.Hash));
        Assert.Equal(desired.Count, settled.Changes.Count(ChangeAction.Unchanged));
        Assert.Equal(0, harness.Cluster.Requests.Total);
    }

    internal static async Task WaitForDeploymentsAvailableAsync(SyncHarness harness)
    {
        var report = await harness.Manager.WaitForHealthAsync(
            [new InventoryEntry("shop", "web", "apps", "Deployment", "v1"), new InventoryEntry("shop", "worker", "apps", "Deployment", "v1")],
            TimeSpan.FromSeconds(30), harness.Token);
        Assert.True(report.Healthy, string.Join("; ", report.Failures));
    }
}
