using GitOpsOperator.Testing.Faults;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Faults;

/// <summary>The operator talks to an API server that fails one request in ten (500, 429 Retry-After: 1, reset) and cuts every watch.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FlakyApiTests
{
    private static readonly FaultPlan TenPercent = new(0.10, WatchCut: TimeSpan.FromSeconds(3));
    private static readonly TimeSpan Converged = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_thousand_object_sync_converges_through_ten_percent_failed_requests()
    {
        await using var flaky = await FlakyGitOps.StartAsync(TenPercent);
        var cluster = flaky.Cluster;
        var sha = await cluster.PushAsync("A thousand ConfigMaps", ConfigMaps.Many(1000));

        await cluster.ApplyGitSyncAsync("many", $"  path: ./{ConfigMaps.Path}\n  prune: true\n");
        var sync = await cluster.WaitForReadyAsync("many", sha, Converged);

        var live = await ConfigMaps.OwnedAsync(cluster.KubectlAsync, "many");
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => ($"cm-{i:0000}", $"v{i}")), live.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Equal(1000, sync.Status!.Inventory!.Entries.Count);
        Assert.All([FaultKind.ServerError, FaultKind.TooManyRequests, FaultKind.ConnectionReset], kind => Assert.True(flaky.Relay.Counts.GetValueOrDefault(kind) > 0, $"no {kind} was injected"));
    }

    [Fact]
    public async Task A_change_a_removal_and_an_addition_converge_to_exactly_what_git_says_through_faults()
    {
        await using var flaky = await FlakyGitOps.StartAsync(TenPercent);
        var cluster = flaky.Cluster;
        var first = await cluster.PushAsync("Thirty ConfigMaps", [.. Enumerable.Range(0, 30).Select(i => ConfigMaps.File($"cm-{i:00}", "one"))]);
        await cluster.ApplyGitSyncAsync("flaky", $"  path: ./{ConfigMaps.Path}\n  prune: true\n");
        await cluster.WaitForReadyAsync("flaky", first, Converged);

        var second = await cluster.PushAsync(
            "Change cm-00, remove cm-01, add cm-30", ConfigMaps.File("cm-00", "two"), ($"{ConfigMaps.Path}/cm-01.yaml", null), ConfigMaps.File("cm-30", "one"));
        await cluster.WaitForReadyAsync("flaky", second, Converged);

        var expected = Enumerable.Range(0, 31).Where(i => i != 1).ToDictionary(i => $"cm-{i:00}", i => i == 0 ? "two" : "one");
        var live = await ConfigMaps.OwnedAsync(cluster.KubectlAsync, "flaky");
        Assert.Equal(expected.OrderBy(p => p.Key), live.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Drift_is_corrected_while_watches_keep_dropping_and_a_re_check_with_nothing_to_do_asks_nothing_of_managed_objects()
    {
        await using var flaky = await FlakyGitOps.StartAsync(TenPercent with { WatchCut = TimeSpan.FromSeconds(1) });
        var cluster = flaky.Cluster;
        var sha = await cluster.PushAsync("Five ConfigMaps", [.. Enumerable.Range(0, 5).Select(i => ConfigMaps.File($"cm-{i}", "git"))]);
        await cluster.ApplyGitSyncAsync("drift", $"  path: ./{ConfigMaps.Path}\n  interval: 10m\n");
        await cluster.WaitForReadyAsync("drift", sha, Converged);
        var cutBefore = flaky.Relay.WatchesCut;

        await cluster.KubectlAsync("patch", "configmap", "cm-3", "-n", GitOpsCluster.Namespace, "--type=merge", "-p", """{"data":{"value":"by hand"}}""");

        await Eventually.TrueAsync(async () => (await ConfigMaps.OwnedAsync(cluster.KubectlAsync, "drift"))["cm-3"] == "git", "the hand edit is reverted");
        await Eventually.TrueAsync(() => flaky.Relay.WatchesCut > cutBefore + 2, "watches were cut meanwhile");
        var before = cluster.Cluster.Requests.Snapshot();
        await cluster.KubectlAsync("annotate", "--overwrite", "-n", GitOpsCluster.Namespace, "gitsync", "drift", "gitops.operator.io/requestedAt=re-check");
        await cluster.WaitForGitSyncAsync("drift", s => s.Status?.LastHandledReconcileAt == "re-check" && s.IsReadyAt(GitOpsCluster.Revision(sha)), "the re-check is done", Converged);
        var requests = RequestDelta.Between(before, cluster.Cluster.Requests.Snapshot());
        Assert.Empty(requests.ToManagedObjects);
    }
}
