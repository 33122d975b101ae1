using GitOpsOperator.Api;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Leadership;
using GitOpsOperator.Tests.Support;
using k8s;
using KubeEmulator;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Tests.Faults;

/// <summary>A real operator process killed (SIGKILL) in the middle of applying a revision; another one takes over.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class KillDuringApplyTests : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TakeOver = TimeSpan.FromMinutes(2);

    private readonly string root = Path.Combine(Path.GetTempPath(), $"kill-during-apply-{Guid.NewGuid():N}");
    private EmulatedCluster cluster = null!;
    private OriginRepo origin = null!;
    private int fetches;

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

    [Fact]
    public async Task Objects_of_a_revision_the_killed_operator_never_finished_are_pruned_once_git_drops_them()
    {
        var kept = Enumerable.Range(0, 5).Select(i => ConfigMaps.File($"kept-{i}", "one")).ToArray();
        var first = await origin.CommitAsync("Five ConfigMaps", kept);
        await Kubectl.SucceedAsync(cluster.KubeconfigPath, ApiExamples.GitRepositoryWith("config", $"  url: file://{origin.GitDir}\n  interval: 1h\n"), "apply", "-f", "-");
        await Kubectl.SucceedAsync(cluster.KubeconfigPath, ApiExamples.GitSyncWith(
            "apps", $"  sourceRef: {{ kind: GitRepository, name: config }}\n  path: ./{ConfigMaps.Path}\n  prune: true\n"), "apply", "-f", "-");
        using (var killed = StartOperator("first"))
        {
            await WaitForReadyAsync(first);
            using var slowWrites = cluster.Faults.Add(FaultRule.Slow(TimeSpan.FromSeconds(1), "patch", "configmaps"));
            await origin.CommitAsync("Sixty more", [.. Enumerable.Range(0, 60).Select(i => ConfigMaps.File($"added-{i:00}", "two"))]);
            await FetchNowAsync();
            await Eventually.TrueAsync(async () => (await OwnedAsync()).Count > kept.Length, "the operator is writing the second revision");
            await killed.KillAsync();
        }

        var leftBehind = await OwnedAsync();
        Assert.InRange(leftBehind.Count, kept.Length + 1, kept.Length + 59);
        var reverted = await origin.CommitAsync("Revert: no more than five", [.. Enumerable.Range(0, 60).Select(i => ($"{ConfigMaps.Path}/added-{i:00}.yaml", (string?)null))]);
        using var successor = StartOperator("second");
        await FetchNowAsync();
        await WaitForReadyAsync(reverted);

        var live = await OwnedAsync();
        Assert.Equal(kept.Select(k => Path.GetFileNameWithoutExtension(k.Path)).Order(), live.Keys.Order());
    }

    private OperatorReplica StartOperator(string name) =>
        OperatorReplica.Start(cluster.KubeconfigPath, Path.Combine(root, $"cache-{name}"), LeaseDuration);

    private Task<IReadOnlyDictionary<string, string>> OwnedAsync() =>
        ConfigMaps.OwnedAsync(args => Kubectl.SucceedAsync(cluster.KubeconfigPath, null, args), "apps");

    private Task FetchNowAsync() =>
        Kubectl.SucceedAsync(cluster.KubeconfigPath, null,
            "annotate", "--overwrite", "-n", ClusterWithCrds.Namespace, "gitrepository", "config", $"gitops.operator.io/requestedAt=fetch-{++fetches}");

    private Task WaitForReadyAsync(string sha) =>
        Eventually.ValueAsync(
            () => cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitSyncPlural, "apps"),
            s => s.IsReadyAt(GitOpsCluster.Revision(sha)),
            $"apps: Ready at {sha}",
            s => KubernetesJson.Serialize(s.Status),
            TakeOver);
}
