using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class DriftTests
{
    [Fact]
    public async Task A_hand_edit_of_a_managed_field_is_reverted_within_seconds_and_fields_of_other_managers_survive()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync("Add the shop", ShopApp.Files);
        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  interval: 10m\n");
        await cluster.WaitForReadyAsync("shop", sha);

        await cluster.KubectlAsync("label", "configmap", "settings", "-n", ShopApp.Namespace, "team=payments");
        await cluster.KubectlAsync("patch", "deployment", "web", "-n", ShopApp.Namespace, "--type=merge", "-p", """{"spec":{"replicas":3}}""");
        await cluster.KubectlAsync("patch", "configmap", "settings", "-n", ShopApp.Namespace, "--type=merge", "-p", """{"data":{"color":"red"}}""");
        await cluster.KubectlWithInputAsync(
            ShopApp.Web("registry.example.com/shop/web:hotfix").Split("---")[0],
            "apply", "--server-side", "--field-manager=someone-else", "--force-conflicts", "-f", "-");

        await Eventually.TrueAsync(
            async () => await ReadAsync(cluster, "configmap/settings", "{.data.color}") == "blue"
                && await ReadAsync(cluster, "deployment/web", "{.spec.template.spec.containers[0].image}") == "registry.example.com/shop/web:1.0",
            "the hand-edited color and image are back to what git says");

        Assert.Equal("payments", await ReadAsync(cluster, "configmap/settings", "{.metadata.labels.team}"));
        Assert.Equal("3", await ReadAsync(cluster, "deployment/web", "{.spec.replicas}"));
        Assert.True((await cluster.GetGitSyncAsync("shop")).IsReadyAt(GitOpsCluster.Revision(sha)));
    }

    private static Task<string> ReadAsync(GitOpsCluster cluster, string target, string jsonPath) =>
        cluster.KubectlAsync("get", target, "-n", ShopApp.Namespace, "-o", $"jsonpath={jsonPath}");
}
