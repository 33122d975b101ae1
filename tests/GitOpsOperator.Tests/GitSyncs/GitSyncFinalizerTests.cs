using GitOpsOperator.Controllers.GitSyncs;
using k8s;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncFinalizerTests
{
    [Fact]
    public async Task Deleting_a_gitsync_with_prune_deletes_its_objects()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")), ("apps/web/b.yaml", GitSyncScenario.ConfigMap("b", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web", prune: true));
        await scenario.WaitForAppliedAsync("web", revision);
        await scenario.WaitForSyncAsync("web", s => s.Metadata.Finalizers?.Contains(GitSyncFinalizer.Name) == true, "the finalizer");

        await scenario.DeleteSyncAsync("web");

        await Support.Eventually.TrueAsync(async () => (await scenario.Client.CoreV1.ListNamespacedConfigMapAsync(GitSyncScenario.Namespace)).Items.All(m => m.Metadata.Name is not "a" and not "b"), "both objects deleted");
        await Support.Eventually.TrueAsync(async () => (await scenario.ListSyncsAsync()).Count == 0, "the GitSync gone");
    }

    [Fact]
    public async Task Deleting_a_gitsync_without_prune_leaves_its_objects()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web", prune: false));
        var applied = await scenario.WaitForAppliedAsync("web", revision);
        Assert.DoesNotContain(GitSyncFinalizer.Name, applied.Metadata.Finalizers ?? []);

        await scenario.DeleteSyncAsync("web");

        await Support.Eventually.TrueAsync(async () => (await scenario.ListSyncsAsync()).Count == 0, "the GitSync gone");
        Assert.Equal("1", await scenario.ConfigMapValueAsync("a"));
    }
}
