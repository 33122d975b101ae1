using GitOpsOperator.Conditions;
using GitOpsOperator.Hosting;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Tenancy;

namespace GitOpsOperator.Tests.LeastPrivilege;

/// <summary>
/// The operator under exactly the rights the chart grants (its ServiceAccount's token on an RBAC-enforcing
/// emulator): it syncs what rbac.applyPermissions allows, cluster-wide or in its watchNamespace, and a GitSync
/// needing a right the chart does not give is AccessDenied naming it, with nothing of that revision written. With the
/// tenancy values it may impersonate the ServiceAccounts of the tenant namespaces, and only those.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ChartRightsTests(ChartRightsCluster fixture) : IClassFixture<ChartRightsCluster>
{
    private const string ClusterWideOperator = "system:serviceaccount:gitops-system:gitops-operator";

    [Fact]
    public async Task Cluster_wide_install_syncs_the_configmaps_its_apply_permissions_allow()
    {
        const string ns = "team-wide";
        await fixture.KubectlAsync("create", "namespace", ns);
        var sha = await fixture.PushAsync("team-wide settings", ("apps/wide/settings.yaml", ConfigMap("settings", ns, "1")));
        await using var running = await fixture.StartOperatorAsync(fixture.ClusterWideKubeconfig);

        await fixture.ApplySourceAndSyncAsync(ns, "settings", "./apps/wide");
        await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsReadyAt(GitOpsCluster.Revision(sha)), "Ready at the pushed commit");

        Assert.Equal("1", await fixture.KubectlAsync("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.value}"));
    }

    [Fact]
    public async Task Watch_namespace_install_syncs_its_namespace_with_namespaced_roles_only()
    {
        const string ns = "team-a";
        await fixture.KubectlAsync("create", "namespace", ns);
        var kubeconfig = await fixture.InstallChartAsync("team-a-system", $"watchNamespace=\"{ns}\"", ChartRightsCluster.ConfigMapRights);
        var sha = await fixture.PushAsync("team-a settings", ("apps/team-a/settings.yaml", ConfigMap("settings", ns, "a")));
        await using var running = await fixture.StartOperatorAsync(kubeconfig, watchedNamespace: ns);

        await fixture.ApplySourceAndSyncAsync(ns, "settings", "./apps/team-a");
        await fixture.WaitForGitSyncAsync(ns, "settings", s => s.IsReadyAt(GitOpsCluster.Revision(sha)), "Ready at the pushed commit");

        Assert.Equal("a", await fixture.KubectlAsync("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.value}"));
        var canListClusterWide = await fixture.TryKubectlAsync(
            "auth", "can-i", "list", "configmaps", "--all-namespaces", "--as", "system:serviceaccount:team-a-system:gitops-operator");
        Assert.Equal("no", canListClusterWide.Output.Trim());
    }

    [Fact]
    public async Task A_kind_the_chart_does_not_grant_is_AccessDenied_naming_the_right_and_nothing_of_the_revision_is_written()
    {
        const string ns = "team-denied";
        await fixture.KubectlAsync("create", "namespace", ns);
        var sha = await fixture.PushAsync(
            "settings and a service",
            ("apps/denied/settings.yaml", ConfigMap("settings", ns, "1")),
            ("apps/denied/service.yaml", Service("web", ns)));
        await using var running = await fixture.StartOperatorAsync(fixture.ClusterWideKubeconfig);

        await fixture.ApplySourceAndSyncAsync(ns, "web", "./apps/denied");
        var denied = await fixture.WaitForGitSyncAsync(ns, "web", s => s.IsFailingAt(Reasons.AccessDenied, GitOpsCluster.Revision(sha)), "AccessDenied");

        var message = denied.Ready()!.Message;
        Assert.Contains($"Service/{ns}/web", message, StringComparison.Ordinal);
        Assert.Contains(
            $"services is forbidden: User \"{ClusterWideOperator}\" cannot list resource \"services\" in API group \"\"", message, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await fixture.TryKubectlAsync("get", "configmap", "settings", "-n", ns)).Errors, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await fixture.TryKubectlAsync("get", "service", "web", "-n", ns)).Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenancy_values_let_the_operator_impersonate_service_accounts_of_the_tenant_namespaces_only_and_pass_the_flags()
    {
        const string tenant = "tenant-a";
        const string tenantsOperator = "system:serviceaccount:tenants-system:tenants-gitops-operator";
        await fixture.KubectlAsync("create", "namespace", tenant);

        await fixture.InstallReleaseAsync(
            "tenants", "tenants-system",
            "tenancy.impersonate=true", $"tenancy.namespaces=[\"{tenant}\"]", "tenancy.defaultServiceAccount=\"deployer\"", "tenancy.noCrossNamespaceRefs=true");

        Assert.Equal("yes", await CanIAsync("impersonate", "serviceaccounts", "-n", tenant, "--as", tenantsOperator));
        Assert.Equal("yes", await CanIAsync("get", "serviceaccounts", "-n", tenant, "--as", tenantsOperator));
        Assert.Equal("no", await CanIAsync("impersonate", "serviceaccounts", "-n", "kube-system", "--as", tenantsOperator));
        Assert.Equal("no", await CanIAsync("impersonate", "serviceaccounts", "-n", tenant, "--as", ClusterWideOperator));
        Assert.Equal("no", await CanIAsync("impersonate", "serviceaccounts", "--all-namespaces", "--as", ClusterWideOperator));
        var args = await fixture.KubectlAsync(
            "get", "deployment", "tenants-gitops-operator", "-n", "tenants-system", "-o", "jsonpath={.spec.template.spec.containers[0].args[*]}");
        Assert.Contains("--default-service-account=deployer", args.Split(' '));
        Assert.Contains("--no-cross-namespace-refs", args.Split(' '));
    }

    [Fact]
    public async Task With_the_charts_tenancy_rights_the_operator_writes_as_tenant_service_accounts_in_the_tenant_namespaces_only()
    {
        const string tenant = "tenant-b";
        const string outsider = "tenant-c";
        const string impersonatingOperator = "system:serviceaccount:impersonating-system:impersonating-gitops-operator";
        await Tenants.CreateAsync(fixture, tenant);
        await Tenants.CreateAsync(fixture, outsider);
        var kubeconfig = await fixture.InstallReleaseAsync(
            "impersonating", "impersonating-system",
            "tenancy.impersonate=true", $"tenancy.namespaces=[\"{tenant}\"]", $"tenancy.defaultServiceAccount=\"{Tenants.Deployer}\"",
            """rbac.readPermissions=[{"resources":["configmaps"]}]""");
        var sha = await fixture.PushAsync(
            "tenant settings",
            ($"apps/{tenant}/settings.yaml", Tenants.ConfigMap("settings", tenant, "b")),
            ($"apps/{outsider}/settings.yaml", Tenants.ConfigMap("settings", outsider, "c")));
        await using var running = await fixture.StartOperatorAsync(kubeconfig, new OperatorOptions { DefaultServiceAccount = Tenants.Deployer });

        await fixture.ApplySourceAndSyncAsync(tenant, "settings", $"./apps/{tenant}");
        await fixture.ApplySourceAndSyncAsync(outsider, "settings", $"./apps/{outsider}");
        await fixture.WaitForGitSyncAsync(tenant, "settings", s => s.IsReadyAt(GitOpsCluster.Revision(sha)), "Ready at the pushed commit");
        var refused = await fixture.WaitForGitSyncAsync(
            outsider, "settings", s => s.IsFailingAt(Reasons.AccessDenied, GitOpsCluster.Revision(sha)), "AccessDenied");

        Assert.Equal("b", await fixture.KubectlAsync("get", "configmap", "settings", "-n", tenant, "-o", "jsonpath={.data.value}"));
        Assert.True(fixture.Cluster.Requests.CountBy(Tenants.User(tenant), "patch", "configmaps", tenant, dryRun: false) > 0, "the apply came as the tenant's ServiceAccount");
        Assert.Equal("no", await CanIAsync("create", "configmaps", "-n", tenant, "--as", impersonatingOperator));
        Assert.Contains(
            $"User \"{impersonatingOperator}\" cannot get resource \"serviceaccounts\" in API group \"\" in the namespace \"{outsider}\"",
            refused.Ready()!.Message, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await fixture.TryKubectlAsync("get", "configmap", "settings", "-n", outsider)).Errors, StringComparison.Ordinal);
    }

    private async Task<string> CanIAsync(params string[] args) => (await fixture.TryKubectlAsync(["auth", "can-i", .. args])).Output.Trim();

    private static string ConfigMap(string name, string ns, string value) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  value: \"{value}\"\n";

    private static string Service(string name, string ns) =>
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  selector: {{ app: {name} }}\n  ports:\n  - port: 80\n";
}
