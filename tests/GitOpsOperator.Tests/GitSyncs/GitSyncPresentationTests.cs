using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncPresentationTests
{
    [Fact]
    public async Task Kubectl_shows_the_revision_and_describe_shows_conditions_history_and_events()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        await scenario.WaitForAppliedAsync("web", revision);
        var kubeconfig = scenario.Cluster.KubeconfigPath;

        var table = await Kubectl.SucceedAsync(kubeconfig, null, "get", "gitsyncs", "-n", GitSyncScenario.Namespace);
        var described = await Kubectl.SucceedAsync(kubeconfig, null, "describe", "gitsync", "web", "-n", GitSyncScenario.Namespace);

        Assert.Contains(revision, table, StringComparison.Ordinal);
        Assert.Contains($"applied revision {revision}", table, StringComparison.Ordinal);
        Assert.Contains("Conditions:", described, StringComparison.Ordinal);
        Assert.Contains("History:", described, StringComparison.Ordinal);
        Assert.Matches(@"Events:[\s\S]*Normal\s+Synced\s+.*created 1", described);
    }
}
