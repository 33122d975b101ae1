using k8s;
using k8s.Models;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncDriftTests
{
    [Fact]
    public async Task Edited_managed_field_is_reverted_and_a_field_git_does_not_declare_survives()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", revision);

        var edit = new { metadata = new { annotations = new Dictionary<string, string> { ["note"] = "by hand" } }, data = new { value = "edited" } };
        await scenario.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(KubernetesJson.Serialize(edit), V1Patch.PatchType.MergePatch), "a", GitSyncScenario.Namespace, fieldManager: "kubectl-edit");

        await Support.Eventually.TrueAsync(async () => await scenario.ConfigMapValueAsync("a") == "1", "the edited value reverted to git's");
        var live = await scenario.Client.CoreV1.ReadNamespacedConfigMapAsync("a", GitSyncScenario.Namespace);
        Assert.Equal("by hand", live.Metadata.Annotations["note"]);
    }

    [Fact]
    public async Task Deleted_managed_object_is_recreated()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", revision);

        await scenario.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", GitSyncScenario.Namespace);

        await Support.Eventually.TrueAsync(async () => await scenario.ConfigMapValueAsync("a") == "1", "the deleted object recreated");
    }
}
