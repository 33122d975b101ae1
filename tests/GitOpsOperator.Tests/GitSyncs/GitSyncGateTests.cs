using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncGateTests
{
    [Fact]
    public async Task Suspended_gitsync_applies_nothing_until_resumed()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web") with { Suspend = true });
        var suspended = await scenario.WaitForSyncAsync("web", s => GitSyncScenario.Ready(s)?.Reason == Reasons.Suspended, "Ready=False Suspended");

        Assert.Equal(Condition.False, GitSyncScenario.Ready(suspended)!.Status);
        Assert.Null(suspended.Status!.LastAttemptedRevision);
        Assert.Null(await scenario.ConfigMapValueAsync("a"));

        await scenario.PatchSyncAsync("web", new { spec = new { suspend = false } });
        await scenario.WaitForAppliedAsync("web", revision);
        Assert.Equal("1", await scenario.ConfigMapValueAsync("a"));
    }

    [Fact]
    public async Task Dependent_waits_until_its_dependency_is_ready()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync(
            "two apps", ("infra/base.yaml", GitSyncScenario.ConfigMap("base", "1")), ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));
        await scenario.CreateSourceAsync();

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web") with { DependsOn = [new DependencyReference { Name = "infra" }] });
        var waiting = await scenario.WaitForSyncAsync("web", s => GitSyncScenario.Ready(s)?.Reason == Reasons.DependencyNotReady, "DependencyNotReady");
        Assert.Contains("infra", GitSyncScenario.Ready(waiting)!.Message, StringComparison.Ordinal);
        Assert.Null(await scenario.ConfigMapValueAsync("a"));

        await scenario.CreateSyncAsync("infra", GitSyncScenario.Spec("./infra"));
        await scenario.WaitForAppliedAsync("web", revision);
        Assert.Equal("1", await scenario.ConfigMapValueAsync("base"));
        Assert.Equal("1", await scenario.ConfigMapValueAsync("a"));
    }

    [Fact]
    public async Task Missing_source_is_an_artifact_failure_naming_it()
    {
        await using var scenario = await GitSyncScenario.StartAsync();

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        var failed = await scenario.WaitForSyncAsync("web", s => GitSyncScenario.Ready(s)?.Reason == Reasons.ArtifactFailed, "ArtifactFailed");

        Assert.Contains($"GitRepository {GitSyncScenario.Namespace}/{GitSyncScenario.Source} not found", GitSyncScenario.Ready(failed)!.Message, StringComparison.Ordinal);
    }
}
