namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class HealthWaitTests
{
    [Fact]
    public async Task Never_ready_deployment_times_out_naming_it()
    {
        await using var harness = await SyncHarness.StartAsync();
        var result = await harness.SyncAsync([Rendered.Deployment("default", "good", "nginx:1.27", "good"), Rendered.Deployment("default", "stuck", "example/never-ready:1", "stuck")]);
        Assert.True(result.Succeeded, result.Message);

        var report = await harness.Manager.WaitForHealthAsync(result.Inventory.Select(r => r.Entry).ToList(), TimeSpan.FromSeconds(2), harness.Token);

        Assert.False(report.Healthy);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(SyncOutcome.HealthCheckFailed, failure.Reason);
        Assert.Equal("Deployment/default/stuck", failure.Identity.ToString());
        Assert.Contains("not healthy within", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthy_objects_end_the_wait()
    {
        await using var harness = await SyncHarness.StartAsync();
        var result = await harness.SyncAsync(MixedApp.Objects());
        Assert.True(result.Succeeded, result.Message);

        var report = await harness.Manager.WaitForHealthAsync(result.Inventory.Select(r => r.Entry).ToList(), TimeSpan.FromSeconds(30), harness.Token);

        Assert.True(report.Healthy, string.Join("; ", report.Failures));
        Assert.Equal(result.Inventory.Count, report.Objects.Count);
    }

    [Fact]
    public async Task Cancelling_a_wait_stops_it()
    {
        await using var harness = await SyncHarness.StartAsync();
        var result = await harness.SyncAsync([Rendered.Deployment("default", "stuck", "example/never-ready:1", "stuck")]);
        using var newerRevision = new CancellationTokenSource();

        var wait = harness.Manager.WaitForHealthAsync(result.Inventory.Select(r => r.Entry).ToList(), TimeSpan.FromMinutes(5), newerRevision.Token);
        await newerRevision.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
