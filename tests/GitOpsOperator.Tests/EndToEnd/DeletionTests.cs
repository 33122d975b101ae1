namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class DeletionTests
{
    [Fact]
    public async Task Deleting_a_GitSync_with_prune_deletes_its_objects_and_without_prune_leaves_them()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync(
            "Two apps",
            ("apps/pruned/app.yaml", ConfigMap("pruned")),
            ("apps/kept/app.yaml", ConfigMap("kept")));
        await cluster.ApplyGitSyncAsync("pruned", "  path: ./apps/pruned\n  prune: true\n  targetNamespace: default\n");
        await cluster.ApplyGitSyncAsync("kept", "  path: ./apps/kept\n  targetNamespace: default\n");
        await cluster.WaitForReadyAsync("pruned", sha);
        await cluster.WaitForReadyAsync("kept", sha);

        await cluster.KubectlAsync("delete", "gitsync", "pruned", "kept", "-n", GitOpsCluster.Namespace, "--timeout=60s");

        var left = await LiveObjects.VersionsAsync(cluster, "default", ["configmap/pruned", "configmap/kept"]);
        Assert.Equal(["ConfigMap/kept"], left.Keys);
        var gitSyncs = await cluster.KubectlAsync("get", "gitsyncs", "-n", GitOpsCluster.Namespace, "-o", "name");
        Assert.Equal("", gitSyncs);
    }

    private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  app: {name}\n";
}
