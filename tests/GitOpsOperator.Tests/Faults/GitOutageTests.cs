using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Support;
using k8s;

namespace GitOpsOperator.Tests.Faults;

[Collection(EndToEndCollection.Name)]
public sealed class GitOutageTests
{
    private static readonly TimeSpan BackAfterOutage = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task While_git_is_down_the_last_revision_stays_and_the_commit_pushed_meanwhile_is_applied_once_it_is_back()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync("Five ConfigMaps", [.. Enumerable.Range(0, 5).Select(i => ConfigMaps.File($"cm-{i}", "one"))]);
        await cluster.ApplyGitSyncAsync("apps", $"  path: ./{ConfigMaps.Path}\n  prune: true\n");
        await cluster.WaitForReadyAsync("apps", first);
        var applied = await ConfigMaps.OwnedAsync(cluster.KubectlAsync, "apps");

        await cluster.StopGitAsync();
        var second = await cluster.PushAsync("Change cm-0, remove cm-4", ConfigMaps.File("cm-0", "two"), ($"{ConfigMaps.Path}/cm-4.yaml", null));
        var source = await Eventually.ValueAsync(
            () => cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(GitOpsApi.Group, GitOpsApi.Version, GitOpsCluster.Namespace, GitOpsApi.GitRepositoryPlural, GitOpsCluster.Source),
            r => r.Status?.Conditions.Find(ConditionTypes.Ready) is { Status: Condition.False, Reason: Reasons.ArtifactFailed },
            "the GitRepository says git is unreachable",
            r => KubernetesJson.Serialize(r.Status));

        Assert.Equal(GitOpsCluster.Revision(first), source.Status!.Artifact!.Revision);
        Assert.Equal(applied, await ConfigMaps.OwnedAsync(cluster.KubectlAsync, "apps"));
        Assert.True((await cluster.GetGitSyncAsync("apps")).IsReadyAt(GitOpsCluster.Revision(first)), "the GitSync still shows the last revision applied");

        await cluster.StartGitAsync();
        await cluster.WaitForReadyAsync("apps", second, BackAfterOutage);

        var live = await ConfigMaps.OwnedAsync(cluster.KubectlAsync, "apps");
        Assert.Equal([("cm-0", "two"), ("cm-1", "one"), ("cm-2", "one"), ("cm-3", "one")], live.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }
}
