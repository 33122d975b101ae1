using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Tenancy;

/// <summary>GitSyncs whose spec.kubeConfig names a Secret holding another cluster's kubeconfig.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RemoteClusterTests(RemoteClusterFixture clusters) : IClassFixture<RemoteClusterFixture>
{
    private const string Namespace = RemoteClusterFixture.Namespace;
    private const string LocalCaPath = "/etc/remote-cluster/ca.crt";

    [Fact]
    public async Task A_GitSync_with_a_kubeConfig_applies_into_the_remote_cluster_only_and_keeps_status_at_home()
    {
        await clusters.ApplyGitSyncAsync("remote-app", "./apps/remote", $"  prune: true\n  kubeConfig: {{ secretRef: {{ name: {RemoteClusterFixture.KubeconfigSecret} }} }}\n");
        await clusters.WaitForGitSyncAsync("remote-app", s => s.IsReadyAt(clusters.Revision), "Ready in the home cluster");

        Assert.Equal("hello", await RemoteGreetingAsync());
        var atHome = await clusters.TryHomeKubectlAsync("get", "configmap", "remote-settings", "-n", Namespace);
        Assert.Contains("NotFound", atHome.Errors, StringComparison.Ordinal);

        var before = clusters.Remote.Requests.Snapshot();
        await clusters.HomeKubectlAsync("annotate", "--overwrite", "-n", Namespace, "gitsync", "remote-app", "gitops.operator.io/requestedAt=check");
        await clusters.WaitForGitSyncAsync("remote-app", s => s.Status?.LastHandledReconcileAt == "check", "the requested reconcile handled");
        var requested = RequestDelta.Between(before, clusters.Remote.Requests.Snapshot());
        Assert.True(requested.ToManagedObjects.Count == 0, $"a reconcile finding nothing to change costs the remote cluster no request on its objects: {requested}");

        await clusters.RemoteKubectlAsync("patch", "configmap", "remote-settings", "-n", Namespace, "--type", "merge", "-p", """{"data":{"greeting":"edited by hand"}}""");
        await Eventually.TrueAsync(async () => await RemoteGreetingAsync() == "hello", "the hand edit on the remote cluster is reverted");

        var status = await clusters.HomeKubectlAsync("get", "gitsync", "remote-app", "-n", Namespace, "-o", "yaml");
        var events = await clusters.HomeKubectlAsync("get", "events", "-n", Namespace, "-o", "yaml");
        Assert.Contains("Remote cluster opened for GitSync", clusters.Operator.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(clusters.Token, clusters.Operator.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(clusters.Token, status, StringComparison.Ordinal);
        Assert.DoesNotContain(clusters.Token, events, StringComparison.Ordinal);

        await clusters.HomeKubectlAsync("delete", "gitsync", "remote-app", "-n", Namespace, "--wait=true");
        var pruned = await clusters.TryRemoteKubectlAsync("get", "configmap", "remote-settings", "-n", Namespace);
        Assert.Contains("NotFound", pruned.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_serviceAccountName_the_writes_on_the_remote_cluster_are_made_as_that_ServiceAccount_of_the_remote()
    {
        await clusters.ApplyGitSyncAsync(
            "remote-tenant", "./apps/tenant",
            $"  serviceAccountName: {RemoteClusterFixture.Tenant}\n  kubeConfig: {{ secretRef: {{ name: {RemoteClusterFixture.KubeconfigSecret}, key: value }} }}\n");
        await clusters.WaitForGitSyncAsync("remote-tenant", s => s.IsReadyAt(clusters.Revision), "Ready in the home cluster");

        await clusters.RemoteKubectlAsync("get", "configmap", "tenant-settings", "-n", Namespace);
        var tenant = $"system:serviceaccount:{Namespace}:{RemoteClusterFixture.Tenant}";
        Assert.True(clusters.Remote.Requests.CountBy(tenant, "patch", "configmaps", Namespace, dryRun: true) > 0, "the server dry-run came as the remote ServiceAccount");
        Assert.True(clusters.Remote.Requests.CountBy(tenant, "patch", "configmaps", Namespace, dryRun: false) > 0, "the apply came as the remote ServiceAccount");
    }

    [Fact]
    public async Task Each_unusable_kubeConfig_gets_its_reason_with_nothing_applied_and_a_Secret_that_appears_later_is_used()
    {
        await clusters.HomeKubectlWithInputAsync(UnusableSecrets(clusters.Token), "apply", "-f", "-");
        (string GitSync, string Secret, string? Key, string Reason, string Says)[] cases =
        [
            ("exec", "exec-kubeconfig", null, Reasons.InvalidSpec, "needs an exec plugin (users[].user.exec)"),
            ("auth-provider", "auth-provider-kubeconfig", null, Reasons.InvalidSpec, "needs an auth-provider (users[].user.auth-provider)"),
            ("local-file", "local-file-kubeconfig", "value.yaml", Reasons.InvalidSpec, "reads a local file (clusters[].cluster.certificate-authority)"),
            ("not-yaml", "not-yaml-kubeconfig", null, Reasons.InvalidSpec, "is not valid YAML"),
            ("missing-key", "exec-kubeconfig", "config", Reasons.InvalidSpec, "Secret gitops-system/exec-kubeconfig has no key \"config\""),
            ("missing-secret", "late-kubeconfig", null, Reasons.InvalidSpec, "Secret gitops-system/late-kubeconfig not found"),
            ("unreachable", "unreachable-kubeconfig", null, Reasons.ApplyFailed, "(Secret gitops-system/unreachable-kubeconfig) did not answer"),
        ];
        foreach (var (name, secret, key, _, _) in cases)
        {
            var keyField = key is null ? "" : $", key: {key}";
            await clusters.ApplyGitSyncAsync(name, "./apps/late", $"  kubeConfig: {{ secretRef: {{ name: {secret}{keyField} }} }}\n");
        }

        foreach (var (name, _, _, reason, says) in cases)
        {
            var failed = await clusters.WaitForGitSyncAsync(name, s => s.Ready() is { Status: Condition.False } ready && ready.Reason == reason, $"Ready=False {reason}");
            Assert.Contains(says, failed.Ready()!.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(LocalCaPath, failed.Ready()!.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(clusters.Token, failed.Ready()!.Message, StringComparison.Ordinal);
        }

        Assert.Contains("NotFound", (await clusters.TryRemoteKubectlAsync("get", "configmap", "late-settings", "-n", Namespace)).Errors, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await clusters.TryHomeKubectlAsync("get", "configmap", "late-settings", "-n", Namespace)).Errors, StringComparison.Ordinal);

        await clusters.HomeKubectlAsync("create", "secret", "generic", "late-kubeconfig", "-n", Namespace, $"--from-file=value={clusters.DeployerKubeconfig}");
        await clusters.WaitForGitSyncAsync("missing-secret", s => s.IsReadyAt(clusters.Revision), "Ready once the Secret exists (retried at retryInterval)");
        await clusters.RemoteKubectlAsync("get", "configmap", "late-settings", "-n", Namespace);
    }

    private async Task<string> RemoteGreetingAsync() =>
        await clusters.RemoteKubectlAsync("get", "configmap", "remote-settings", "-n", Namespace, "-o", "jsonpath={.data.greeting}");

    private static string UnusableSecrets(string token) => $$"""
        apiVersion: v1
        kind: Secret
        metadata: { name: exec-kubeconfig, namespace: {{Namespace}} }
        stringData:
          value: |
            apiVersion: v1
            kind: Config
            clusters: [{ name: remote, cluster: { server: "https://127.0.0.1:6443" } }]
            users: [{ name: remote, user: { exec: { apiVersion: client.authentication.k8s.io/v1, command: get-token } } }]
            contexts: [{ name: remote, context: { cluster: remote, user: remote } }]
            current-context: remote
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: auth-provider-kubeconfig, namespace: {{Namespace}} }
        stringData:
          value: |
            apiVersion: v1
            kind: Config
            clusters: [{ name: remote, cluster: { server: "https://127.0.0.1:6443" } }]
            users: [{ name: remote, user: { auth-provider: { name: oidc, config: { id-token: {{token}} } } } }]
            contexts: [{ name: remote, context: { cluster: remote, user: remote } }]
            current-context: remote
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: local-file-kubeconfig, namespace: {{Namespace}} }
        stringData:
          value.yaml: |
            apiVersion: v1
            kind: Config
            clusters: [{ name: remote, cluster: { server: "https://127.0.0.1:6443", certificate-authority: {{LocalCaPath}} } }]
            users: [{ name: remote, user: { token: {{token}} } }]
            contexts: [{ name: remote, context: { cluster: remote, user: remote } }]
            current-context: remote
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: not-yaml-kubeconfig, namespace: {{Namespace}} }
        stringData:
          value: "clusters: [ { name: remote, token: {{token}}"
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: unreachable-kubeconfig, namespace: {{Namespace}} }
        stringData:
          value: |
            apiVersion: v1
            kind: Config
            clusters: [{ name: gone, cluster: { server: "http://127.0.0.1:1" } }]
            users: [{ name: gone, user: { token: {{token}} } }]
            contexts: [{ name: gone, context: { cluster: gone, user: gone } }]
            current-context: gone
        """;
}
