using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Tests.GitRepositories;

/// <summary>What the controller watches: only its namespace when given one, and on after the API server forgets the version a watch resumes from.</summary>
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

    [Fact]
    public async Task With_a_watched_namespace_GitRepositories_elsewhere_are_left_alone()
    {
        await using var env = await OperatorWithGit.StartAsync(watchedNamespace: OperatorWithGit.Namespace);
        await env.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "elsewhere" } });
        var origin = await env.CreateOriginAsync("config");
        var sha = await origin.CommitAsync("first");
        var elsewhere = new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = "config", NamespaceProperty = "elsewhere" },
            Spec = new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin) },
        };
        await env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(elsewhere, GitOpsApi.Group, GitOpsApi.Version, "elsewhere", GitOpsApi.GitRepositoryPlural);

        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin) });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{sha}"), "Ready in the watched namespace");
        var ignored = await env.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(
            GitOpsApi.Group, GitOpsApi.Version, "elsewhere", GitOpsApi.GitRepositoryPlural, "config");

        Assert.Null(ignored.Status);
    }
}
