using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class ValidationTests
{
    [Fact]
    public async Task Invalid_object_among_valid_changes_writes_nothing_and_names_file_line_and_object()
    {
        await using var harness = await SyncHarness.StartAsync();
        var first = await harness.SyncAsync(MixedApp.Objects());
        Assert.True(first.Succeeded, first.Message);
        var invalid = Rendered.From("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"broken","namespace":"shop"},"spec":{"ports":[{"port":99999}]}}""", "apps/broken.yaml", 7);
        var next = MixedApp.Objects()
            .Select(d => d.Identity.Name == "settings-1" ? Rendered.Edited(d, json => json["data"]!["value"] = "changed") : d)
            .Append(Rendered.ConfigMap("shop", "brand-new", "x"))
            .Append(invalid)
            .ToList();

        var result = await harness.SyncAsync(next, first.Inventory);

        Assert.Equal(SyncOutcome.ValidationFailed, result.Outcome);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("Service/shop/broken", failure.Identity.ToString());
        Assert.Contains("apps/broken.yaml:7", result.Message, StringComparison.Ordinal);
        Assert.Contains("port", failure.Message, StringComparison.Ordinal);
        Assert.Empty(result.Changes.Writes);
        var settings = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings-1", "shop", cancellationToken: harness.Token);
        Assert.Equal("value-1", settings.Data["value"]);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("brand-new", "shop", cancellationToken: harness.Token));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Equal(first.Inventory, result.Inventory);
    }

    [Fact]
    public async Task Unknown_kind_is_a_validation_failure_before_any_write()
    {
        await using var harness = await SyncHarness.StartAsync();
        var unknown = Rendered.From("""{"apiVersion":"nothing.example.com/v1","kind":"Gadget","metadata":{"name":"g","namespace":"default"}}""", "apps/gadget.yaml", 4);

        var result = await harness.SyncAsync([Rendered.ConfigMap("default", "first", "x"), unknown]);

        Assert.Equal(SyncOutcome.ValidationFailed, result.Outcome);
        Assert.Contains("Gadget/default/g (apps/gadget.yaml:4): no matches for kind \"Gadget\"", result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Changes.Writes);
        Assert.DoesNotContain((await harness.Cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: harness.Token)).Items, c => c.Metadata.Name == "first");
    }

    [Fact]
    public async Task Object_owned_by_another_gitsync_is_an_ownership_conflict_and_nothing_is_written()
    {
        await using var harness = await SyncHarness.StartAsync();
        var other = Rendered.ConfigMap("default", "shared", "theirs");
        var theirs = await harness.Manager.SyncAsync(new SyncRequest(new GitSyncOwner("team-b", "infra"), [other], []), harness.Token);
        Assert.True(theirs.Succeeded, theirs.Message);

        var result = await harness.SyncAsync([Rendered.ConfigMap("default", "mine", "x"), Rendered.ConfigMap("default", "shared", "ours")]);

        Assert.Equal(SyncOutcome.OwnershipConflict, result.Outcome);
        Assert.Contains("ConfigMap/default/shared", result.Message, StringComparison.Ordinal);
        Assert.Contains("team-b/infra", result.Message, StringComparison.Ordinal);
        var shared = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("shared", "default", cancellationToken: harness.Token);
        Assert.Equal("theirs", shared.Data["value"]);
        Assert.Empty(result.Changes.Writes);
    }

    [Fact]
    public async Task Immutable_change_without_force_names_the_field_and_with_the_force_annotation_recreates()
    {
        await using var harness = await SyncHarness.StartAsync();
        var original = Rendered.Deployment("default", "api", "nginx:1.27", "api");
        var first = await harness.SyncAsync([original]);
        Assert.True(first.Succeeded, first.Message);
        var reselected = Rendered.Edited(original, json =>
        {
            json["spec"]!["selector"]!["matchLabels"]!["app"] = "api-v2";
            json["spec"]!["template"]!["metadata"]!["labels"]!["app"] = "api-v2";
        });

        var refused = await harness.SyncAsync([reselected], first.Inventory);
        var forced = Rendered.Edited(reselected, json => json["metadata"]!["annotations"] = new JsonObject { [SyncAnnotations.Force] = SyncAnnotations.Enabled });
        var recreated = await harness.SyncAsync([forced], first.Inventory);

        Assert.Equal(SyncOutcome.ValidationFailed, refused.Outcome);
        Assert.Contains("Deployment/default/api", refused.Message, StringComparison.Ordinal);
        Assert.Contains("spec.selector", refused.Message, StringComparison.Ordinal);
        Assert.Contains("immutable", refused.Message, StringComparison.Ordinal);
        Assert.True(recreated.Succeeded, recreated.Message);
        Assert.Equal(ChangeAction.Configured, Assert.Single(recreated.Changes.Writes).Action);
        var live = await harness.Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("api", "default", cancellationToken: harness.Token);
        Assert.Equal("api-v2", live.Spec.Selector.MatchLabels["app"]);
    }

    [Fact]
    public async Task Server_error_mid_apply_reports_what_was_applied_and_a_retry_converges()
    {
        await using var harness = await SyncHarness.StartAsync();
        var desired = MixedApp.Objects();
        using var slowServices = harness.Cluster.Faults.Add(FaultRule.Slow(TimeSpan.FromMilliseconds(500), "patch", "services"));
        ActiveFault? failing = null;
        using var trigger = harness.Manager.Cache.Subscribe(change =>
        {
            if (change.Identity.Kind == "Secret" && change.Type == "ADDED" && failing is null)
            {
                failing = harness.Cluster.Faults.Add(FaultRule.Fail(500, "patch", "deployments"));
            }
        });

        var broken = await harness.SyncAsync(desired);
        failing?.Dispose();
        var retried = await harness.SyncAsync(desired, broken.Inventory);

        Assert.Equal(SyncOutcome.ApplyFailed, broken.Outcome);
        Assert.Equal("Deployment", Assert.Single(broken.Failures).Identity?.Kind);
        var applied = broken.Changes.Writes.Select(c => c.Identity.Kind).ToHashSet();
        Assert.Contains("Secret", applied);
        Assert.Contains("Service", applied);
        Assert.DoesNotContain("Deployment", applied);
        Assert.Contains("applied before stopping", broken.Message, StringComparison.Ordinal);
        Assert.True(retried.Succeeded, retried.Message);
        var notApplied = desired.Select(d => d.Identity).Except(broken.Changes.Writes.Select(c => c.Identity)).OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(notApplied, retried.Changes.Writes.Select(c => c.Identity).OrderBy(id => id.ToString(), StringComparer.Ordinal));
        Assert.Contains(notApplied, id => id.Kind == "Widget");
        Assert.Equal(2, (await harness.Cluster.Client.AppsV1.ListNamespacedDeploymentAsync("shop", cancellationToken: harness.Token)).Items.Count);
    }
}
