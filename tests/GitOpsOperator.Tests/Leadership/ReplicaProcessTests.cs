using System.Diagnostics;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Introspection;
using Xunit.Abstractions;

namespace GitOpsOperator.Tests.Leadership;

/// <summary>Operator processes with leader election against one emulated cluster, competing for one Lease.</summary>
public sealed class ReplicaProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string LeaseName = "gitops-operator-leader";
    private static readonly string[] Repositories = ["config-0", "config-1", "config-2"];

    private readonly string root = Path.Combine(Path.GetTempPath(), $"replica-processes-{Guid.NewGuid():N}");
    private EmulatedCluster cluster = null!;
    private OriginRepo origin = null!;

    public async Task InitializeAsync()
    {
        cluster = await ClusterWithCrds.StartAsync();
        origin = await OriginRepo.CreateAsync(Path.Combine(root, "served"), Path.Combine(root, "scratch"), "config");
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private OperatorReplica StartReplica(string name, TimeSpan leaseDuration) =>
        OperatorReplica.Start(cluster.KubeconfigPath, Path.Combine(root, $"cache-{name}"), leaseDuration);

    private async Task<string?> HolderAsync()
    {
        try
        {
            return (await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, ClusterWithCrds.Namespace)).Spec.HolderIdentity;
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            return null;
        }
    }

    /// <summary>Waits until one replica holds the Lease and the other knows it.</summary>
    private async Task<(OperatorReplica Leader, OperatorReplica Follower)> LeaderAndFollowerAsync(OperatorReplica a, OperatorReplica b)
    {
        await Eventually.TrueAsync(async () => await HolderAsync() is { } holder && (holder == a.Identity || holder == b.Identity), "one replica holds the Lease");
        var (leader, follower) = await HolderAsync() == a.Identity ? (a, b) : (b, a);
        await Eventually.TrueAsync(() => follower.Logged($"{follower.Identity} follows the leader {leader.Identity}"), "the other replica follows");
        return (leader, follower);
    }

    private async Task CreateRepositoryAsync(string name)
    {
        var repository = new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ClusterWithCrds.Namespace },
            // Only first sight and spec changes reconcile before the hour is up.
            Spec = new GitRepositorySpec { Url = "file://" + origin.GitDir, Interval = "1h" },
        };
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            repository, GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural);
    }

    private async Task<bool> ReadyAtAsync(string name, string sha)
    {
        var repository = await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(
            GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural, name);
        return repository.Status?.Artifact?.Revision == $"main@sha1:{sha}"
            && repository.Status.Conditions.Find(ConditionTypes.Ready)?.Status == Condition.True;
    }

    private async Task WaitAllReadyAtAsync(string sha, string what) =>
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(Repositories.Select(name => ReadyAtAsync(name, sha)))).All(ready => ready),
            what);

    /// <summary>The event follows the status write: waits until every GitRepository has one for this commit.</summary>
    private async Task WaitForNewArtifactEventsAsync(string sha) =>
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(Repositories.Select(name => NewArtifactEventsAsync(name, sha)))).All(count => count > 0),
            $"a NewArtifact event for {sha} on every GitRepository");

    private async Task<int> NewArtifactEventsAsync(string name, string sha)
    {
        var events = await cluster.Client.CoreV1.ListNamespacedEventAsync(ClusterWithCrds.Namespace);
        return events.Items.Count(e => e.InvolvedObject.Name == name && e.Reason == "NewArtifact" && e.Message.Contains(sha, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_leader_reconciles_and_when_it_is_killed_the_other_takes_over_and_finishes_the_work()
    {
        var first = await origin.CommitAsync("first", ("app.yaml", "a: 1\n"));
        using var a = StartReplica("a", TimeSpan.FromSeconds(3));
        using var b = StartReplica("b", TimeSpan.FromSeconds(3));
        var (leader, follower) = await LeaderAndFollowerAsync(a, b);
        foreach (var name in Repositories)
        {
            await CreateRepositoryAsync(name);
        }

        await WaitAllReadyAtAsync(first, "the leader fetched the first commit for every GitRepository");
        await WaitForNewArtifactEventsAsync(first);
        Assert.True(leader.Logged("Controllers started: GitRepository"));
        Assert.Contains(leader.Messages, m => m.Contains("has a new artifact", StringComparison.Ordinal));
        Assert.DoesNotContain(follower.Messages, m => m.Contains("Controllers started", StringComparison.Ordinal) || m.Contains("has a new artifact", StringComparison.Ordinal));

        await leader.KillAsync();
        var killed = Stopwatch.StartNew();
        var second = await origin.CommitAsync("second", ("app.yaml", "a: 2\n"));

        await Eventually.TrueAsync(async () => await HolderAsync() == follower.Identity, "the other replica holds the Lease");
        output.WriteLine($"took over {killed.Elapsed.TotalSeconds:0.0}s after the kill (lease duration 3s, retry period 0.5s)");
        await WaitAllReadyAtAsync(second, "the new leader fetched the commit pushed after the kill");
        Assert.True(follower.Logged($"{follower.Identity} became leader"));
        await WaitForNewArtifactEventsAsync(second);
        foreach (var name in Repositories)
        {
            Assert.Equal((1, 1), (await NewArtifactEventsAsync(name, first), await NewArtifactEventsAsync(name, second)));
        }
    }

    [Fact]
    public async Task A_replica_stopped_with_SIGTERM_exits_cleanly_and_the_other_takes_over_without_waiting_for_the_Lease_to_expire()
    {
        var first = await origin.CommitAsync("first", ("app.yaml", "a: 1\n"));
        // Without the hand-back the follower would wait a minute, twice the deadline of Eventually.
        var oneMinute = TimeSpan.FromMinutes(1);
        using var a = StartReplica("a", oneMinute);
        using var b = StartReplica("b", oneMinute);
        var (leader, follower) = await LeaderAndFollowerAsync(a, b);
        using var http = new HttpClient { BaseAddress = follower.HttpAddress };
        var followerReadiness = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        var exitCode = await leader.TerminateAsync();

        Assert.True(followerReadiness.IsSuccessStatusCode, "a follower is ready: it serves webhooks");
        Assert.Equal(0, exitCode);
        Assert.True(leader.Logged($"{leader.Identity} released the Lease {ClusterWithCrds.Namespace}/{LeaseName}"));
        await Eventually.TrueAsync(async () => await HolderAsync() == follower.Identity, "the other replica holds the Lease");
        foreach (var name in Repositories)
        {
            await CreateRepositoryAsync(name);
        }

        await WaitAllReadyAtAsync(first, "the new leader reconciles");
    }

    [Fact]
    public async Task A_replica_that_loses_the_Lease_stops_and_when_it_leads_again_reconciles_what_changed_meanwhile()
    {
        var first = await origin.CommitAsync("first", ("app.yaml", "a: 1\n"));
        using var replica = StartReplica("a", TimeSpan.FromSeconds(3));
        await Eventually.TrueAsync(async () => await HolderAsync() == replica.Identity, "the replica holds the Lease");
        await CreateRepositoryAsync(Repositories[0]);
        await Eventually.TrueAsync(() => ReadyAtAsync(Repositories[0], first), "the first GitRepository is reconciled");

        string second;
        using (cluster.Faults.Add(FaultRule.Fail(503, resource: "leases")))
        {
            await Eventually.TrueAsync(() => replica.Logged("Controllers stopped: GitRepository"), "the controllers stop once the Lease cannot be renewed");
            Assert.True(replica.Logged($"{replica.Identity} lost leadership"));
            Assert.True(replica.Logged("503 ServiceUnavailable"));
            second = await origin.CommitAsync("second", ("app.yaml", "a: 2\n"));
            await CreateRepositoryAsync(Repositories[1]);
        }

        await Eventually.TrueAsync(
            async () => await ReadyAtAsync(Repositories[0], second) && await ReadyAtAsync(Repositories[1], second),
            "leading again, it reconciles the GitRepository created meanwhile and fetches the commit pushed meanwhile");
        Assert.Equal(2, replica.Messages.Count(m => m.Contains($"{replica.Identity} became leader", StringComparison.Ordinal)));
    }
}
