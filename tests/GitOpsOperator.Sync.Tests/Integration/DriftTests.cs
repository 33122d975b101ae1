using System.Text.Json.Nodes;
using GitOpsOperator.Sync.Live;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class DriftTests
{
    [Fact]
    public async Task Edit_of_an_owned_field_is_heard_and_planned_as_configured_then_reverted()
    {
        await using var harness = await SyncHarness.StartAsync();
        var settings = Rendered.ConfigMap("default", "settings", "from-git");
        var first = await harness.SyncAsync([settings]);
        Assert.True(first.Succeeded, first.Message);
        var heard = new TaskCompletionSource<LiveObjectEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var drift = harness.Manager.Cache.Subscribe(change =>
        {
            if (change.Identity == settings.Identity && change.Type == "MODIFIED")
            {
                heard.TrySetResult(change);
            }
        });

        var live = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default", cancellationToken: harness.Token);
        live.Data["value"] = "edited-by-hand";
        await harness.Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(live, "settings", "default", fieldManager: "kubectl-edit", cancellationToken: harness.Token);
        var change = await heard.Task.WaitAsync(harness.Token);
        var plan = await harness.Manager.PlanAsync([settings], first.Inventory.ToDictionary(r => r.Identity), SyncHarness.Owner, SyncOptions.Default, null, harness.Token);
        var second = await harness.SyncAsync([settings], first.Inventory);

        Assert.Equal("edited-by-hand", change.Object["data"]!["value"]!.GetValue<string>());
        var planned = Assert.Single(plan.Objects);
        Assert.Equal(ChangeAction.Configured, planned.Action);
        Assert.Equal("live object drifted from git", planned.Reason);
        Assert.True(second.Succeeded, second.Message);
        var reverted = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default", cancellationToken: harness.Token);
        Assert.Equal("from-git", reverted.Data["value"]);
    }

    [Fact]
    public async Task Field_set_by_another_manager_is_left_alone_and_costs_no_request()
    {
        await using var harness = await SyncHarness.StartAsync();
        var web = Rendered.Deployment("default", "web", "nginx:1.27");
        var first = await harness.SyncAsync([web]);
        Assert.True(first.Succeeded, first.Message);
        var scale = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["replicas"] = 3 },
        };
        await harness.Cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(scale.ToJsonString(), V1Patch.PatchType.ApplyPatch), "web", "default", fieldManager: "autoscaler", force: true, cancellationToken: harness.Token);
        await harness.WaitForLiveAsync(web.Identity, live => live?["spec"]?["replicas"]?.GetValue<int>() == 3);
        harness.Cluster.Requests.Reset();

        var second = await harness.SyncAsync([web], first.Inventory);

        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(ChangeAction.Unchanged, Assert.Single(second.Changes.Changes).Action);
        Assert.Equal(0, harness.Cluster.Requests.Total);
        var live = await harness.Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default", cancellationToken: harness.Token);
        Assert.Equal(3, live.Spec.Replicas);
    }

    [Fact]
    public async Task Live_object_with_reconcile_disabled_is_skipped()
    {
        await using var harness = await SyncHarness.StartAsync();
        var settings = Rendered.ConfigMap("default", "settings", "from-git");
        var first = await harness.SyncAsync([settings]);
        Assert.True(first.Succeeded, first.Message);
        var live = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default", cancellationToken: harness.Token);
        live.Metadata.Annotations = new Dictionary<string, string> { [SyncAnnotations.Reconcile] = SyncAnnotations.Disabled };
        live.Data["value"] = "hands-on";
        await harness.Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(live, "settings", "default", cancellationToken: harness.Token);
        await harness.WaitForLiveAsync(settings.Identity, o => ObjectJson.Annotation(o!, SyncAnnotations.Reconcile) is not null);

        var second = await harness.SyncAsync([Rendered.Edited(settings, json => json["data"]!["value"] = "new-in-git")], first.Inventory);

        Assert.True(second.Succeeded, second.Message);
        var skipped = Assert.Single(second.Changes.Changes);
        Assert.Equal(ChangeAction.Skipped, skipped.Action);
        var after = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default", cancellationToken: harness.Token);
        Assert.Equal("hands-on", after.Data["value"]);
    }

    [Fact]
    public async Task Live_object_without_owner_labels_is_adopted_without_reading_it_first()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "legacy", NamespaceProperty = "default" }, Data = new Dictionary<string, string> { ["value"] = "old" } },
            "default", cancellationToken: harness.Token);
        var legacy = Rendered.ConfigMap("default", "legacy", "old");
        var readsBefore = harness.Cluster.Requests.Count("get", "configmaps");

        var result = await harness.SyncAsync([legacy]);
        var objectReads = harness.Cluster.Requests.Count("get", "configmaps") - readsBefore;

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, objectReads);
        Assert.Equal("adopted: the live object had no owner labels", Assert.Single(result.Changes.Writes).Reason);
        Assert.Equal("default_legacy__ConfigMap", Assert.Single(result.Inventory).Entry.Id);
        var live = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("legacy", "default", cancellationToken: harness.Token);
        Assert.Equal("shop", live.Metadata.Labels[GitSyncOwner.NameLabel]);
    }
}
