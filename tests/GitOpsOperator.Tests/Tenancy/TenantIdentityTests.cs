using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Hosting;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.LeastPrivilege;

namespace GitOpsOperator.Tests.Tenancy;

/// <summary>
/// Tenants on one cluster: the chart's operator (its ServiceAccount's token on an RBAC-enforcing emulator) writes each
/// GitSync's objects as the GitSync's ServiceAccount, so a tenant applies and prunes only what its RoleBinding allows;
/// the lockdown flags refuse what a platform team wants refused. The emulator's audit view shows who made each write.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TenantIdentityTests(ChartRightsCluster fixture) : IClassFixture<ChartRightsCluster>
{
    private const string AsDeployer = $"  serviceAccountName: {Tenants.Deployer}";

    [Fact]
    public async Task A_tenant_GitSync_writes_as_its_ServiceAccount_and_a_commit_reaching_into_another_namespace_is_refused_whole()
    {
        const string ns = "team-sa";
        const string elsewhere = "team-elsewhere";
        await Tenants.GrantImpersonationAsync(fixture);
        await Tenants.CreateAsync(fixture, ns);
        await fixture.KubectlAsync("create", "namespace", elsewhere);
        var first = await fixture.PushAsync("team-sa settings", ("apps/team-sa/settings.yaml", Tenants.ConfigMap("settings", ns, "1")));
        await using var running = await fixture.StartOperatorAsync(fixture.ClusterWideKubeconfig);

        await fixture.ApplySourceAndSyncAsync(ns, "settings", "./apps/team-sa", AsDeployer);
        await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsReadyAt(GitOpsCluster.Revision(first)), "Ready at the first commit");

        Assert.Equal("1", await ValueAsync("settings", ns));
        var managers = await fixture.KubectlAsync(
            "get", "configmap", "settings", "-n", ns, "--show-managed-fields", "-o", "jsonpath={range .metadata.managedFields[*]}{.manager}/{.operation} {end}");
        Assert.Equal("gitops-operator/Apply", managers.Trim());
        var audit = fixture.Cluster.Requests;
        Assert.True(audit.CountBy(Tenants.User(ns), "patch", "configmaps", ns, dryRun: true) > 0, "the server dry-run came as the ServiceAccount");
        Assert.True(audit.CountBy(Tenants.User(ns), "patch", "configmaps", ns, dryRun: false) > 0, "the apply came as the ServiceAccount");
        Assert.All(audit.ByUser().Keys.Where(k => k.User == Tenants.User(ns)), k => Assert.Equal(("patch", "configmaps"), (k.Verb, k.Resource)));
        Assert.DoesNotContain(audit.ByUser().Keys, k => k.User == Tenants.Operator && k.Namespace == ns && k.Resource == "configmaps");

        var second = await fixture.PushAsync(
            "team-sa reaches into another namespace",
            ("apps/team-sa/settings.yaml", Tenants.ConfigMap("settings", ns, "2")),
            ("apps/team-sa/intruder.yaml", Tenants.ConfigMap("intruder", elsewhere, "x")));
        await fixture.FetchNowAsync(ns);
        var denied = await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsFailingAt(Reasons.AccessDenied, GitOpsCluster.Revision(second)), "AccessDenied at the second commit");

        var message = denied.Ready()!.Message;
        Assert.Contains($"ConfigMap/{elsewhere}/intruder", message, StringComparison.Ordinal);
        Assert.Contains(
            $"User \"{Tenants.User(ns)}\" cannot patch resource \"configmaps\" in API group \"\" in the namespace \"{elsewhere}\"", message, StringComparison.Ordinal);
        Assert.Equal(GitOpsCluster.Revision(first), denied.Status!.LastAppliedRevision);
        Assert.Equal("1", await ValueAsync("settings", ns));
        Assert.Contains("NotFound", (await fixture.TryKubectlAsync("get", "configmap", "intruder", "-n", elsewhere)).Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prune_the_ServiceAccount_may_not_make_is_PruneFailed_naming_the_object_which_stays()
    {
        const string ns = "team-keep";
        await Tenants.GrantImpersonationAsync(fixture);
        await Tenants.CreateAsync(fixture, ns, configMapVerbs: "get, list, watch, create, update, patch");
        var first = await fixture.PushAsync(
            "team-keep settings and extra",
            ("apps/team-keep/settings.yaml", Tenants.ConfigMap("settings", ns, "1")),
            ("apps/team-keep/extra.yaml", Tenants.ConfigMap("extra", ns, "x")));
        await using var running = await fixture.StartOperatorAsync(fixture.ClusterWideKubeconfig);
        await fixture.ApplySourceAndSyncAsync(ns, "settings", "./apps/team-keep", AsDeployer + "\n  prune: true");
        await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsReadyAt(GitOpsCluster.Revision(first)), "Ready at the first commit");

        var second = await fixture.PushAsync("team-keep drops extra", ("apps/team-keep/extra.yaml", null));
        await fixture.FetchNowAsync(ns);
        var failed = await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsFailingAt(Reasons.PruneFailed, GitOpsCluster.Revision(second)), "PruneFailed at the second commit");

        var message = failed.Ready()!.Message;
        Assert.Contains($"ConfigMap/{ns}/extra", message, StringComparison.Ordinal);
        Assert.Contains($"User \"{Tenants.User(ns)}\" cannot delete resource \"configmaps\"", message, StringComparison.Ordinal);
        Assert.Equal("x", await ValueAsync("extra", ns));
        Assert.Equal(0, fixture.Cluster.Requests.CountBy(Tenants.Operator, "delete", "configmaps", ns, dryRun: false));
    }

    [Fact]
    public async Task The_default_service_account_serves_GitSyncs_without_the_field_and_a_missing_one_is_AccessDenied()
    {
        const string ns = "team-default";
        const string bare = "team-bare";
        await Tenants.GrantImpersonationAsync(fixture);
        await Tenants.CreateAsync(fixture, ns);
        await Tenants.CreateAsync(fixture, bare, withoutAccount: true);
        var sha = await fixture.PushAsync(
            "team-default and team-bare settings",
            ("apps/team-default/settings.yaml", Tenants.ConfigMap("settings", ns, "d")),
            ("apps/team-bare/settings.yaml", Tenants.ConfigMap("settings", bare, "b")));
        await using var running = await fixture.StartOperatorAsync(fixture.ClusterWideKubeconfig, new OperatorOptions { DefaultServiceAccount = Tenants.Deployer });

        await fixture.ApplySourceAndSyncAsync(ns, "settings", "./apps/team-default");
        await fixture.ApplySourceAndSyncAsync(bare, "settings", "./apps/team-bare");
        await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsReadyAt(GitOpsCluster.Revision(sha)), "Ready at the pushed commit");
        var denied = await fixture.WaitForGitSyncAsync(bare, "settings", s => s.IsFailingAt(Reasons.AccessDenied, GitOpsCluster.Revision(sha)), "AccessDenied");

        Assert.Equal("d", await ValueAsync("settings", ns));
        Assert.True(fixture.Cluster.Requests.CountBy(Tenants.User(ns), "patch", "configmaps", ns, dryRun: false) > 0, "the apply came as the default ServiceAccount");
        Assert.Contains($"ServiceAccount/{bare}/{Tenants.Deployer}: not found", denied.Ready()!.Message, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await fixture.TryKubectlAsync("get", "configmap", "settings", "-n", bare)).Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_cross_namespace_refs_refuses_a_sourceRef_and_a_dependsOn_in_another_namespace()
    {
        const string ns = "team-locked";
        await fixture.KubectlAsync("create", "namespace", ns);
        await fixture.PushAsync("team-locked settings", ("apps/team-locked/settings.yaml", Tenants.ConfigMap("settings", ns, "1")));
        await using var running = await fixture.StartOperatorAsync(fixture.ClusterWideKubeconfig, new OperatorOptions { NoCrossNamespaceRefs = true });

        await fixture.ApplySourceAndSyncAsync(ns, "after", "./apps/team-locked", "  dependsOn:\n  - { name: infra, namespace: team-shared }");
        await fixture.ApplyAsync(
            $$"""
            apiVersion: gitops.operator.io/v1alpha1
            kind: GitSync
            metadata: { name: borrowed, namespace: {{ns}} }
            spec:
              sourceRef: { kind: GitRepository, name: {{ChartRightsCluster.Origin}}, namespace: team-shared }
              path: ./apps/team-locked
            """);
        var borrowed = await fixture.WaitForGitSyncAsync(ns, "borrowed", IsRefused, "AccessDenied and Stalled");
        var after = await fixture.WaitForGitSyncAsync(ns, "after", IsRefused, "AccessDenied and Stalled");

        Assert.Contains($"spec.sourceRef GitRepository team-shared/{ChartRightsCluster.Origin} is in another namespace", borrowed.Ready()!.Message, StringComparison.Ordinal);
        Assert.Contains("spec.dependsOn GitSync team-shared/infra is in another namespace", after.Ready()!.Message, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await fixture.TryKubectlAsync("get", "configmap", "settings", "-n", ns)).Errors, StringComparison.Ordinal);
    }

    private static bool IsRefused(GitSync sync) =>
        sync.Ready() is { Status: Condition.False, Reason: Reasons.AccessDenied }
        && sync.Status!.Conditions.Find(ConditionTypes.Stalled) is { Status: Condition.True }
        && sync.Status.ObservedGeneration == sync.Metadata.Generation;

    private Task<string> ValueAsync(string name, string ns) =>
        fixture.KubectlAsync("get", "configmap", name, "-n", ns, "-o", "jsonpath={.data.value}");
}
