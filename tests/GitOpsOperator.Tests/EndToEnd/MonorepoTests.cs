namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MonorepoTests
{
    /// <summary>Long enough for a stray late write to show up in the counts; it bounds nothing the test asserts.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_commit_touching_only_another_path_costs_one_status_write_and_no_request_to_managed_objects()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync("Add the shop and billing", [.. ShopApp.Files, ("apps/billing/config.yaml", Billing("1"))]);
        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  prune: true\n");
        var before = await cluster.WaitForReadyAsync("shop", first);
        await Task.Delay(Settle);
        var requestsBefore = cluster.Cluster.Requests.Snapshot();

        var other = await cluster.PushAsync("Bump billing", ("apps/billing/config.yaml", Billing("2")));
        var after = await cluster.WaitForReadyAsync("shop", other);
        await Task.Delay(Settle);

        var requests = RequestDelta.Between(requestsBefore, cluster.Cluster.Requests.Snapshot());
        Assert.True(requests.ToManagedObjects.Count == 0, $"no request reached a managed object; requests: {requests}");
        Assert.True(requests.StatusWrites("gitsyncs") == 1, $"exactly one GitSync status write; requests: {requests}");
        Assert.Equal(before.Status!.Inventory!.Entries, after.Status!.Inventory!.Entries);
    }

    private static string Billing(string version) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: billing\n  namespace: default\ndata:\n  version: \"{version}\"\n";
}
