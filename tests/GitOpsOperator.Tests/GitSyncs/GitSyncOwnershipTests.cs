using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncOwnershipTests
{
    [Fact]
    public async Task Second_gitsync_declaring_an_object_gets_an_ownership_conflict_naming_the_first_and_the_file()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync(
            "same object twice", ("apps/one/a.yaml", GitSyncScenario.ConfigMap("a", "1")), ("apps/two/a.yaml", GitSyncScenario.ConfigMap("a", "2")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("one", GitSyncScenario.Spec("./apps/one"));
        await scenario.WaitForAppliedAsync("one", revision);

        await scenario.CreateSyncAsync("two", GitSyncScenario.Spec("./apps/two"));
        var conflicted = await scenario.WaitForSyncAsync("two", s => GitSyncScenario.Ready(s)?.Reason == Reasons.OwnershipConflict, "OwnershipConflict");

        var message = GitSyncScenario.Ready(conflicted)!.Message;
        Assert.Contains("ConfigMap/gitops-system/a", message, StringComparison.Ordinal);
        Assert.Contains("apps/two/a.yaml:1", message, StringComparison.Ordinal);
        Assert.Contains($"{GitSyncScenario.Namespace}/one", message, StringComparison.Ordinal);
        Assert.Equal("1", await scenario.ConfigMapValueAsync("a"));
        await Task.Delay(TimeSpan.FromSeconds(3)); // several retries (retryInterval 1s) fail the same way
        var warnings = await scenario.EventsAsync("two");
        Assert.Single(warnings, e => e.Type == "Warning" && e.Reason == Reasons.OwnershipConflict);
    }
}
