using k8s;

namespace GitOpsOperator.Sync.Tests.Integration;

/// <summary>A commit holding a wrong-typed value is refused by the server-side dry-run, as a real server refuses it.</summary>
public sealed class WrongTypeTests
{
    [Fact]
    public async Task Deployment_with_replicas_lots_fails_the_dry_run_and_nothing_is_written()
    {
        await using var harness = await SyncHarness.StartAsync();
        var first = await harness.SyncAsync(MixedApp.Objects());
        Assert.True(first.Succeeded, first.Message);
        var next = MixedApp.Objects()
            .Select(d => d.Identity.ToString() == "Deployment/shop/web" ? Rendered.Edited(d, json => json["spec"]!["replicas"] = "lots") : d)
            .Select(d => d.Identity.Name == "settings-1" ? Rendered.Edited(d, json => json["data"]!["value"] = "changed") : d)
            .ToList();

        var result = await harness.SyncAsync(next, first.Inventory);

        Assert.Equal(SyncOutcome.ValidationFailed, result.Outcome);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("Deployment/shop/web", failure.Identity.ToString());
        Assert.Contains(".spec.replicas: expected numeric (int or float), got string", failure.Message, StringComparison.Ordinal);
        Assert.Empty(result.Changes.Writes);
        var settings = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings-1", "shop", cancellationToken: harness.Token);
        Assert.Equal("value-1", settings.Data["value"]);
    }
}
