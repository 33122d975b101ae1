using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncHealthTests
{
    [Fact]
    public async Task Deployment_that_never_becomes_ready_fails_the_health_check_naming_it()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync("never ready", ("apps/web/web.yaml", Deployment("example/web:never-ready")));
        await scenario.CreateSourceAsync();

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web") with { Wait = true, Timeout = "2s" });
        var failed = await scenario.WaitForSyncAsync("web", s => GitSyncScenario.Ready(s)?.Reason == Reasons.HealthCheckFailed, "HealthCheckFailed");

        Assert.Contains("Deployment/gitops-system/web", GitSyncScenario.Ready(failed)!.Message, StringComparison.Ordinal);
        Assert.Equal(Condition.False, failed.Status!.Conditions.Find(ConditionTypes.Healthy)?.Status);
        Assert.Equal(revision, failed.Status.LastAttemptedRevision);
        Assert.Null(failed.Status.LastAppliedRevision);
        Assert.Equal(HistoryEntry.Failed, failed.Status.History[0].Result);
    }

    [Fact]
    public async Task New_revision_cancels_the_health_wait_for_the_older_one_and_succeeds()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var stuck = await scenario.PushAsync("never ready", ("apps/web/web.yaml", Deployment("example/web:never-ready")));
        await scenario.CreateSourceAsync();
        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web") with { Wait = true, Timeout = "5m" });
        await scenario.WaitForSyncAsync(
            "web", s => s.Status?.LastAttemptedRevision == stuck && s.Status.Conditions.IsTrue(ConditionTypes.Reconciling), "waiting for health");

        var fixedRevision = await scenario.PushAsync("fixed", ("apps/web/web.yaml", Deployment("example/web:1.0")));
        var synced = await scenario.WaitForAppliedAsync("web", fixedRevision);

        Assert.Equal(Condition.True, synced.Status!.Conditions.Find(ConditionTypes.Healthy)?.Status);
        Assert.Equal([fixedRevision, stuck], synced.Status.History.Select(h => h.Revision));
        Assert.Contains("superseded", synced.Status.History[1].Message, StringComparison.Ordinal);
    }

    private static string Deployment(string image) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {"{"}app: web{"}"}
          template:
            metadata:
              labels: {"{"}app: web{"}"}
            spec:
              containers:
                - name: web
                  image: {image}
        """;
}
