using System.Text.Json.Nodes;
using GitOpsOperator.Sync.Hooks;
using k8s;
using k8s.Models;
using KubeEmulator.Security;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class WriteIdentityTests
{
    private static readonly WriteIdentity Deployer = WriteIdentity.ServiceAccount("default", "deployer");

    [Fact]
    public async Task A_sync_with_a_write_identity_dry_runs_applies_recreates_prunes_and_runs_hooks_as_it_and_reads_as_the_operator()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.Cluster.Client.CoreV1.CreateNamespacedServiceAccountAsync(
            new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "deployer" } }, "default", cancellationToken: harness.Token);
        await harness.Cluster.Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = "deployer" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
                Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "deployer", NamespaceProperty = "default" }],
            },
            "default",
            cancellationToken: harness.Token);
        harness.Cluster.Requests.Reset();
        var api = Rendered.Deployment("default", "api", "nginx:1.27", "api");
        var prune = SyncOptions.Default with { Prune = true };
        var first = await harness.Manager.SyncAsync(
            new SyncRequest(SyncHarness.Owner, [api, Rendered.ConfigMap("default", "gone", "x")], []) { Options = prune, WriteAs = Deployer }, harness.Token);
        var reselected = Rendered.Edited(api, json =>
        {
            json["spec"]!["selector"]!["matchLabels"]!["app"] = "api-v2";
            json["spec"]!["template"]!["metadata"]!["labels"]!["app"] = "api-v2";
            json["metadata"]!["annotations"] = new JsonObject { [SyncAnnotations.Force] = SyncAnnotations.Enabled };
        });
        var second = await harness.Manager.SyncAsync(new SyncRequest(SyncHarness.Owner, [reselected], first.Inventory) { Options = prune, WriteAs = Deployer }, harness.Token);
        var hook = ChartHook.Of(Rendered.ConfigMap("default", "migrate", "1", new JsonObject { ["helm.sh/hook"] = HookPhase.PreUpgrade, ["helm.sh/hook-delete-policy"] = ChartHook.HookSucceeded }));
        var hooks = await harness.Manager.RunHooksAsync([hook], SyncHarness.Owner, TimeSpan.FromMinutes(1), Deployer, harness.Token);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Succeeded, second.Message);
        Assert.Null(hooks.Failure);
        var requests = harness.Cluster.Requests.ByUser().Keys.ToList();
        var writes = requests.Where(r => r.Verb is not ("get" or "list" or "watch")).ToList();
        Assert.All(writes, w => Assert.Equal(Deployer.User, w.User));
        Assert.Contains(writes, w => (w.Verb, w.Resource, w.DryRun) == ("patch", "deployments", true));
        Assert.Contains(writes, w => (w.Verb, w.Resource, w.DryRun) == ("patch", "deployments", false));
        Assert.Contains(writes, w => (w.Verb, w.Resource) == ("delete", "deployments"));
        Assert.Contains(writes, w => (w.Verb, w.Resource) == ("delete", "configmaps"));
        Assert.All(requests.Except(writes), r => Assert.Equal(UserInfo.Admin.Name, r.User));
    }
}
