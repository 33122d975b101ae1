using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class PruneSafetyTests
{
    private const string Readme = "apps/tiny/README.md";
    private const string Spec = "  path: ./apps/tiny\n  prune: true\n  targetNamespace: default\n";

    [Fact]
    public async Task A_path_that_renders_nothing_is_refused_until_allowEmpty_is_set()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync("Add tiny", (Readme, "Tiny app\n"), File("alpha"), File("beta"));
        await cluster.ApplyGitSyncAsync("tiny", Spec);
        await cluster.WaitForReadyAsync("tiny", first);

        var empty = await cluster.PushAsync("Remove every object of tiny", Deleted("alpha"), Deleted("beta"));
        var refused = await cluster.WaitForGitSyncAsync(
            "tiny", s => s.IsFailingAt(Reasons.PruneRefused, GitOpsCluster.Revision(empty)), "PruneRefused at the empty commit");

        Assert.Equal(["alpha", "beta"], await ConfigMapsAsync(cluster, "alpha", "beta"));
        Assert.Equal(GitOpsCluster.Revision(first), refused.Status!.LastAppliedRevision);

        await cluster.ApplyGitSyncAsync("tiny", Spec + "  allowEmpty: true\n");
        await cluster.WaitForReadyAsync("tiny", empty);
        Assert.Empty(await ConfigMapsAsync(cluster, "alpha", "beta"));
    }

    [Fact]
    public async Task An_object_annotated_prune_disabled_survives_the_deletion_of_its_file()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync(
            "Add tiny", File("alpha"), ("apps/tiny/keeper.yaml", ConfigMap("keeper", "    gitops.operator.io/prune: disabled\n")), File("beta"));
        await cluster.ApplyGitSyncAsync("tiny", Spec);
        await cluster.WaitForReadyAsync("tiny", first);

        var second = await cluster.PushAsync("Drop keeper and beta", ("apps/tiny/keeper.yaml", null), Deleted("beta"));
        await cluster.WaitForReadyAsync("tiny", second);

        Assert.Equal(["alpha", "keeper"], await ConfigMapsAsync(cluster, "alpha", "beta", "keeper"));
    }

    [Fact]
    public async Task An_object_with_copied_owner_labels_that_is_not_in_the_inventory_is_never_deleted()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var first = await cluster.PushAsync("Add tiny", (Readme, "Tiny app\n"), File("alpha"), File("beta"));
        await cluster.ApplyGitSyncAsync("tiny", Spec + "  allowEmpty: true\n");
        await cluster.WaitForReadyAsync("tiny", first);
        var labels = await cluster.KubectlAsync("get", "configmap", "alpha", "-n", "default", "-o", "jsonpath={.metadata.labels}");
        Assert.Contains("\"gitops.operator.io/name\":\"tiny\"", labels, StringComparison.Ordinal);
        await cluster.KubectlAsync("create", "configmap", "impostor", "-n", "default", "--from-literal=owner=someone-else");
        await cluster.KubectlAsync(
            "label", "configmap", "impostor", "-n", "default",
            "gitops.operator.io/name=tiny", $"gitops.operator.io/namespace={GitOpsCluster.Namespace}");

        var beta = await cluster.PushAsync("Drop beta", Deleted("beta"));
        await cluster.WaitForReadyAsync("tiny", beta);
        var empty = await cluster.PushAsync("Drop everything", Deleted("alpha"));
        await cluster.WaitForReadyAsync("tiny", empty);

        Assert.Equal(["impostor"], await ConfigMapsAsync(cluster, "alpha", "beta", "impostor"));
    }

    private static (string Path, string? Content) File(string name) => ($"apps/tiny/{name}.yaml", ConfigMap(name, ""));

    private static (string Path, string? Content) Deleted(string name) => ($"apps/tiny/{name}.yaml", null);

    private static string ConfigMap(string name, string annotations) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n" + (annotations.Length > 0 ? $"  annotations:\n{annotations}" : "") + "data:\n  app: tiny\n";

    /// <summary>Which of these ConfigMaps exist in the default namespace, by name.</summary>
    private static async Task<IReadOnlyList<string>> ConfigMapsAsync(GitOpsCluster cluster, params string[] names)
    {
        var live = await LiveObjects.VersionsAsync(cluster, "default", names.Select(n => $"configmap/{n}"));
        return [.. live.Keys.Select(k => k["ConfigMap/".Length..]).Order(StringComparer.Ordinal)];
    }
}
