using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Autorest;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Tests.GitSyncs;

/// <summary>What a GitSync shows when the operator's own identity may not read what it syncs, or it lies outside --namespace.</summary>
public sealed class GitSyncAccessTests
{
    private const string OperatorUser = "system:serviceaccount:gitops-system:gitops-operator";

    [Fact]
    public async Task Refused_list_is_AccessDenied_within_the_timeout_quoting_the_server_and_nothing_of_the_revision_is_written()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        var revision = await scenario.PushAsync(
            "an app", ("apps/web/settings.yaml", GitSyncScenario.ConfigMap("settings", "1")), ("apps/web/account.yaml", ServiceAccount("web")));
        await scenario.CreateSourceAsync();
        var refusal = scenario.Cluster.Faults.Add(FaultRule.Forbidden(OperatorUser, "list", "configmaps", "", GitSyncScenario.Namespace));

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web") with { Timeout = "30s" });
        var denied = await scenario.WaitForSyncAsync("web", s => GitSyncScenario.Ready(s)?.Reason == Reasons.AccessDenied, "AccessDenied");

        var message = GitSyncScenario.Ready(denied)!.Message;
        Assert.Contains($"ConfigMap/{GitSyncScenario.Namespace}/settings", message, StringComparison.Ordinal);
        Assert.Contains(
            $"configmaps is forbidden: User \"{OperatorUser}\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"{GitSyncScenario.Namespace}\"",
            message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpOperationException>(() => scenario.Client.CoreV1.ReadNamespacedServiceAccountAsync("web", GitSyncScenario.Namespace));
        await Assert.ThrowsAsync<HttpOperationException>(() => scenario.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", GitSyncScenario.Namespace));

        refusal.Dispose();
        await scenario.WaitForAppliedAsync("web", revision);
        Assert.Equal("1", await scenario.ConfigMapValueAsync("settings"));
    }

    [Fact]
    public async Task With_a_watched_namespace_objects_outside_it_are_AccessDenied_by_name_and_nothing_is_written()
    {
        await using var scenario = await GitSyncScenario.StartAsync(watchedNamespace: GitSyncScenario.Namespace);
        var outside = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: elsewhere\n  namespace: kube-public\ndata:\n  value: \"1\"\n";
        var clusterScoped = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-b\n";
        await scenario.PushAsync(
            "reaching out",
            ("apps/web/settings.yaml", GitSyncScenario.ConfigMap("settings", "1")),
            ("apps/web/outside.yaml", outside),
            ("apps/web/namespace.yaml", clusterScoped));
        await scenario.CreateSourceAsync();

        await scenario.CreateSyncAsync("web", GitSyncScenario.Spec("./apps/web"));
        var denied = await scenario.WaitForSyncAsync("web", s => GitSyncScenario.Ready(s)?.Reason == Reasons.AccessDenied, "AccessDenied");

        var message = GitSyncScenario.Ready(denied)!.Message;
        Assert.Contains("ConfigMap/kube-public/elsewhere", message, StringComparison.Ordinal);
        Assert.Contains("Namespace/team-b", message, StringComparison.Ordinal);
        Assert.Contains("--namespace", message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpOperationException>(() => scenario.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", GitSyncScenario.Namespace));
    }

    [Fact]
    public async Task Readyz_turns_503_naming_a_refused_watch_of_gitsyncs_and_recovers_when_granted()
    {
        await using var scenario = await GitSyncScenario.StartAsync();
        using var http = new HttpClient { BaseAddress = scenario.Host.HttpAddress };
        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode, "the operator is ready");

        var refused = new[]
        {
            scenario.Cluster.Faults.Add(FaultRule.Forbidden(OperatorUser, "watch", "gitsyncs", "gitops.operator.io", null)),
            scenario.Cluster.Faults.Add(FaultRule.Forbidden(OperatorUser, "list", "gitsyncs", "gitops.operator.io", null)),
        };
        scenario.Cluster.EndAllWatches();
        var answer = "";
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                answer = await response.Content.ReadAsStringAsync();
                return response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable;
            },
            "/readyz answers 503");

        Assert.Contains("gitsyncs.gitops.operator.io", answer, StringComparison.Ordinal);
        Assert.Contains($"gitsyncs.gitops.operator.io is forbidden: User \"{OperatorUser}\" cannot", answer, StringComparison.Ordinal);
        foreach (var fault in refused)
        {
            fault.Dispose();
        }

        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode, "the operator is ready again");
    }

    private static string ServiceAccount(string name) => $"apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {name}\n";
}
