using GitOpsOperator.Hosting.Leadership;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Introspection;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Tests.Leadership;

public sealed class LeaseLeadershipTests
{
    private static async Task<string?> HolderAsync(IKubernetes client, LeaseSettings settings) =>
        (await client.CoordinationV1.ReadNamespacedLeaseAsync(settings.Name, settings.Namespace)).Spec.HolderIdentity;

    [Fact]
    public async Task Of_two_candidates_exactly_one_leads_the_Lease_names_it_and_both_are_ready()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var a = Candidate.Start(cluster.Client, Candidate.Fast("replica-a"));
        await using var b = Candidate.Start(cluster.Client, Candidate.Fast("replica-b"));

        await Eventually.TrueAsync(() => a.Leading || b.Leading, "one replica leads");
        var (leader, follower) = a.Leading ? (a, b) : (b, a);
        await Eventually.TrueAsync(() => follower.Readiness.Pending.Count == 0, "the follower is ready once it knows the leader");

        // Several renewals and acquire attempts later, still one leader, the same one.
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.True(leader.Leading && !follower.Leading, "exactly one replica leads");
            await Task.Delay(50);
        }

        Assert.Equal(leader.Identity, await HolderAsync(cluster.Client, leader.Settings));
        Assert.Empty(leader.Readiness.Pending);
        Assert.Equal((1, 0), (leader.Terms, follower.Terms));
        Assert.True(follower.Log.Has(LogLevel.Information, $"{follower.Identity} follows the leader {leader.Identity}"));
        Assert.True(leader.Log.Has(LogLevel.Information, $"{leader.Identity} became leader"));
    }

    [Fact]
    public async Task A_leader_stopped_cleanly_hands_the_Lease_back_and_the_other_takes_over_before_it_would_expire()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        // Without the hand-back the follower would wait a minute, twice the deadline of Eventually.
        var oneMinute = TimeSpan.FromMinutes(1);
        var a = Candidate.Start(cluster.Client, Candidate.Fast("replica-a", oneMinute));
        await Eventually.TrueAsync(() => a.Leading, "the first replica leads");
        await using var b = Candidate.Start(cluster.Client, Candidate.Fast("replica-b", oneMinute));
        await Eventually.TrueAsync(() => b.Readiness.Pending.Count == 0, "the second replica follows");

        await a.DisposeAsync();

        Assert.False(a.Leading);
        Assert.True(a.Log.Has(LogLevel.Information, "replica-a released the Lease default/leader-test"));
        await Eventually.TrueAsync(() => b.Leading, "the second replica leads");
        Assert.Equal("replica-b", await HolderAsync(cluster.Client, b.Settings));
    }

    [Fact]
    public async Task Losing_the_Lease_stops_the_work_and_leading_again_starts_it_afresh()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var a = Candidate.Start(cluster.Client, Candidate.Fast("replica-a"));
        await Eventually.TrueAsync(() => a.Leading, "the replica leads");

        using (cluster.Faults.Add(FaultRule.Fail(503, resource: "leases")))
        {
            await Eventually.TrueAsync(() => !a.Leading, "the work stops when the Lease cannot be renewed");
            Assert.True(a.Log.Has(LogLevel.Warning, "replica-a lost leadership"));
        }

        await Eventually.TrueAsync(() => a.Leading && a.Terms == 2, "the work runs again once the replica leads again");
    }

    [Theory]
    [InlineData("get", 503, "Leader election for replica-a failed: the API server answered 503 ServiceUnavailable")]
    [InlineData("create", 403, "Writing the Lease default/leader-test failed: the API server answered 403 Forbidden")]
    public async Task Lease_errors_are_logged_as_warnings_with_their_reason_and_the_replica_is_not_ready(string verb, int status, string warning)
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var fault = cluster.Faults.Add(FaultRule.Fail(status, verb, "leases"));
        await using var a = Candidate.Start(cluster.Client, Candidate.Fast("replica-a"));

        await Eventually.TrueAsync(() => a.Log.Has(LogLevel.Warning, warning), $"the warning \"{warning}\"");
        Assert.False(a.Leading);
        Assert.Equal([LeaseLeadership.ReadinessPart], a.Readiness.Pending);
    }

    [Fact]
    public async Task Releasing_leaves_a_Lease_held_by_another_replica_alone()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var settings = Candidate.Fast("replica-a");
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = settings.Name },
            Spec = new V1LeaseSpec { HolderIdentity = "replica-b", LeaseDurationSeconds = 3, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow },
        };
        await cluster.Client.CoordinationV1.CreateNamespacedLeaseAsync(lease, settings.Namespace);

        var released = await LeaseRelease.ReleaseAsync(cluster.Client, settings, TimeProvider.System, CancellationToken.None);

        Assert.False(released);
        Assert.Equal("replica-b", await HolderAsync(cluster.Client, settings));
    }
}
