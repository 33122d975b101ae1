using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class HealthWaitTests
{
    private const string File = "apps/api/api.yaml";

    [Fact]
    public async Task A_deployment_that_never_becomes_ready_fails_the_health_check_after_the_timeout_naming_it()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync("Roll out the stuck api", (File, Api("registry.example.com/api:never-ready")));

        await cluster.ApplyGitSyncAsync("api", "  path: ./apps/api\n  wait: true\n  timeout: 3s\n  retryInterval: 10m\n  targetNamespace: default\n");
        var sync = await cluster.WaitForGitSyncAsync(
            "api", s => s.IsFailingAt(Reasons.HealthCheckFailed, GitOpsCluster.Revision(sha)), "HealthCheckFailed at the stuck commit");

        Assert.Contains("Deployment", sync.Ready()!.Message, StringComparison.Ordinal);
        Assert.Contains("stuck-api", sync.Ready()!.Message, StringComparison.Ordinal);
        Assert.Equal(Condition.False, sync.Status!.Conditions.Find(ConditionTypes.Healthy)?.Status);
        var row = KubectlTable.Parse(await cluster.KubectlAsync("get", "gitsyncs", "-n", GitOpsCluster.Namespace)).Row("api");
        Assert.Equal("False", row["READY"]);
        Assert.Contains("stuck-api", row["STATUS"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixing_commit_cancels_the_pending_health_wait_and_ends_Ready()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var stuck = await cluster.PushAsync("Roll out the stuck api", (File, Api("registry.example.com/api:never-ready")));
        await cluster.ApplyGitSyncAsync("api", "  path: ./apps/api\n  wait: true\n  timeout: 10m\n  targetNamespace: default\n");
        await Eventually.TrueAsync(
            async () => (await cluster.TryKubectlAsync("get", "deployment/stuck-api", "-n", "default")).ExitCode == 0,
            "the stuck api was applied and its health wait began");

        var fix = await cluster.PushAsync("Fix the api image", (File, Api("registry.example.com/api:1.1")));
        var sync = await cluster.WaitForReadyAsync("api", fix);

        Assert.Equal(Condition.True, sync.Status!.Conditions.Find(ConditionTypes.Healthy)?.Status);
        Assert.Contains(sync.Status.History, h => h.Revision == GitOpsCluster.Revision(stuck));
        Assert.Equal(
            "registry.example.com/api:1.1",
            await cluster.KubectlAsync("get", "deployment/stuck-api", "-n", "default", "-o", "jsonpath={.spec.template.spec.containers[0].image}"));
    }

    private static string Api(string image) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: stuck-api
        spec:
          selector:
            matchLabels: { app: api }
          template:
            metadata:
              labels: { app: api }
            spec:
              containers:
                - name: api
                  image: {{image}}
        """;
}
