using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Tests.GitRepositories;

/// <summary>The controller keeps serving when the API server ends its watch or forgets the version it resumes from.</summary>
public sealed class GitRepositoryWatchTests
{
    private static bool IsReadyAt(GitRepository repository, string revision) =>
        repository.Status?.Conditions.Find(ConditionTypes.Ready)?.Status == Condition.True && repository.Status.Artifact?.Revision == revision;

    [Fact]
    public async Task After_an_expired_watch_the_controller_lists_again_and_still_acts_on_requests()
    {
        await using var env = await OperatorWithGit.StartAsync(new EmulatorOptions { WatchHistorySize = 3 });
        var origin = await env.CreateOriginAsync("config");
        var first = await origin.CommitAsync("first");
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1h" });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{first}"), "Ready at the first commit");

        // The resumed watch arrives only after more changes than the server remembers: it is answered with 410 Expired.
        env.Cluster.Faults.Add(FaultRule.Slow(TimeSpan.FromSeconds(2), "watch", "gitrepositories") with { Times = 1 });
        env.Cluster.EndAllWatches();
        for (var i = 0; i < 10; i++)
        {
            await env.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"churn-{i}" } }, OperatorWithGit.Namespace);
        }

        var second = await origin.CommitAsync("second");
        await env.PatchAsync("config", new { metadata = new { annotations = new Dictionary<string, string> { ["gitops.operator.io/requestedAt"] = "after-expiry" } } });

        var repository = await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{second}"), "advanced on request after the watch expired");
        Assert.Equal("after-expiry", repository.Status!.LastHandledReconcileAt);
    }
}
