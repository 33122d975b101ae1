using GitOpsOperator.Manifests.Yaml;

namespace GitOpsOperator.Tests.Chart;

public sealed class ChartRbacTests
{
    private const string Name = "gitops-operator";
    private const string AllVerbs = "create,delete,get,list,patch,update,watch";

    private static readonly PolicyRule[] OperatorRules =
    [
        new("gitops.operator.io", "gitrepositories,gitsyncs", "get,list,patch,update,watch"),
        new("gitops.operator.io", "gitrepositories/status,gitsyncs/status", "get,patch,update"),
        new("gitops.operator.io", "gitrepositories/finalizers,gitsyncs/finalizers", "update"),
        new("gitops.operator.io", "imagepolicies,imagerepositories,imageupdateautomations", "get,list,patch,update,watch"),
        new("gitops.operator.io", "imagepolicies/status,imagerepositories/status,imageupdateautomations/status", "get,patch,update"),
        new("", "secrets", "get"),
        new("", "configmaps", "get"),
        new(",events.k8s.io", "events", "create,patch"),
    ];

    private static readonly PolicyRule ImpersonateRule = new("", "serviceaccounts", "get,impersonate");

    [Fact]
    public void Values_yaml_documents_that_nothing_beyond_the_operators_own_needs_is_granted_by_default()
    {
        var values = YamlJson.Convert(File.ReadAllText(Path.Combine(Helm.ChartPath, "values.yaml")))!["rbac"]!;

        Assert.Empty(values["applyPermissions"]!.AsArray());
        Assert.False((bool)values["clusterAdmin"]!);
    }

    [Fact]
    public async Task Default_values_grant_only_the_operators_own_rights_and_no_wildcard()
    {
        var chart = await Helm.TemplateAsync();

        Assert.DoesNotContain(chart.Rules(), r => r.Rule.IsWildcard);
        Assert.DoesNotContain(chart.Rules(), r => r.Rule.Verbs.Split(',').Contains("impersonate"));
        Assert.Equal(OperatorRules, chart.Single("ClusterRole", Name)["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject())));
        Assert.Equal(
            [new PolicyRule("coordination.k8s.io", "leases", "create,get,patch,update")],
            chart.Rules().Where(r => (string?)r.Role["kind"] == "Role").Select(r => r.Rule));
        Assert.Equal(["gitops-operator", "gitops-operator-leader-election"], RoleNames(chart));
        Assert.DoesNotContain(chart.OfKind("ClusterRoleBinding", "RoleBinding"), b => (string?)b["roleRef"]!["name"] == "cluster-admin");
    }

    [Fact]
    public async Task Every_binding_grants_to_the_charts_service_account()
    {
        var chart = await Helm.TemplateAsync("installCRDs=true", "rbac.clusterAdmin=true");
        var account = chart.Single("ServiceAccount", Name);

        Assert.Equal(4, chart.OfKind("ClusterRoleBinding", "RoleBinding").Count());
        Assert.All(chart.OfKind("ClusterRoleBinding", "RoleBinding"), binding =>
        {
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal("ServiceAccount", (string?)subject["kind"]);
            Assert.Equal((string?)account["metadata"]!["name"], (string?)subject["name"]);
            Assert.Equal("gitops-system", (string?)subject["namespace"]);
        });
    }

    [Fact]
    public async Task Apply_permissions_become_a_role_bound_to_the_operator()
    {
        var chart = await Helm.TemplateAsync(
            "rbac.applyPermissions[0].apiGroups[0]=apps",
            "rbac.applyPermissions[0].resources[0]=deployments",
            $"rbac.applyPermissions[0].verbs={{{AllVerbs}}}");

        var role = chart.Single("ClusterRole", $"{Name}-apply");
        Assert.Equal([new PolicyRule("apps", "deployments", AllVerbs)], role["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject())));
        Assert.Equal($"{Name}-apply", (string?)chart.Single("ClusterRoleBinding", $"{Name}-apply")["roleRef"]!["name"]);
    }

    [Fact]
    public async Task Cluster_admin_is_bound_only_when_values_ask_for_it()
    {
        var chart = await Helm.TemplateAsync("rbac.clusterAdmin=true");

        var binding = chart.Single("ClusterRoleBinding", $"{Name}-cluster-admin");
        Assert.Equal("cluster-admin", (string?)binding["roleRef"]!["name"]);
        Assert.Equal("ClusterRole", (string?)binding["roleRef"]!["kind"]);
    }

    [Fact]
    public async Task Installing_crds_adds_exactly_the_crd_rights()
    {
        var without = await Helm.TemplateAsync();
        var with = await Helm.TemplateAsync("installCRDs=true");

        Assert.DoesNotContain(without.Rules(), r => r.Rule.Resources.Contains("customresourcedefinitions", StringComparison.Ordinal));
        Assert.Equal(
            [new PolicyRule("apiextensions.k8s.io", "customresourcedefinitions", "create,get,list,patch,watch")],
            with.Single("ClusterRole", $"{Name}-crds")["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject())));
        Assert.Contains("--install-crds", Args(with));
        Assert.DoesNotContain("--install-crds", Args(without));
    }

    [Fact]
    public async Task A_watched_namespace_scopes_the_operators_rights_to_it()
    {
        var chart = await Helm.TemplateAsync(
            "watchNamespace=apps",
            "rbac.applyPermissions[0].apiGroups[0]=",
            "rbac.applyPermissions[0].resources[0]=configmaps",
            "rbac.applyPermissions[0].verbs[0]=get");

        Assert.Empty(chart.OfKind("ClusterRole", "ClusterRoleBinding"));
        foreach (var name in new[] { Name, $"{Name}-apply" })
        {
            Assert.Equal("apps", (string?)chart.Single("Role", name)["metadata"]!["namespace"]);
            Assert.Equal("apps", (string?)chart.Single("RoleBinding", name)["metadata"]!["namespace"]);
        }

        Assert.Equal("gitops-system", (string?)chart.Single("Role", $"{Name}-leader-election")["metadata"]!["namespace"]);
        Assert.Contains("--namespace=apps", Args(chart));
    }

    [Fact]
    public async Task Read_permissions_grant_get_list_and_watch_only_in_the_watched_namespace_or_cluster_wide()
    {
        string[] values =
        [
            "rbac.readPermissions[0].apiGroups[0]=apps",
            "rbac.readPermissions[0].resources[0]=deployments",
            "rbac.readPermissions[0].verbs[0]=delete",
            "rbac.readPermissions[1].resources[0]=configmaps",
        ];
        var clusterWide = await Helm.TemplateAsync(values);
        var namespaced = await Helm.TemplateAsync([.. values, "watchNamespace=apps"]);

        PolicyRule[] expected = [new("apps", "deployments", "get,list,watch"), new("", "configmaps", "get,list,watch")];
        Assert.Equal(expected, clusterWide.Single("ClusterRole", $"{Name}-read")["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject())));
        Assert.Equal($"{Name}-read", (string?)clusterWide.Single("ClusterRoleBinding", $"{Name}-read")["roleRef"]!["name"]);
        Assert.Equal(expected, namespaced.Single("Role", $"{Name}-read")["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject())));
        Assert.Equal("apps", (string?)namespaced.Single("RoleBinding", $"{Name}-read")["metadata"]!["namespace"]);
        Assert.Empty(namespaced.OfKind("ClusterRole", "ClusterRoleBinding"));
    }

    [Fact]
    public async Task Impersonation_in_tenant_namespaces_is_a_role_in_each_and_nothing_cluster_wide()
    {
        var chart = await Helm.TemplateAsync("tenancy.impersonate=true", "tenancy.namespaces={team-a,team-b}");

        Assert.DoesNotContain(chart.Rules(), r => (string?)r.Role["kind"] == "ClusterRole" && r.Rule.Resources.Contains("serviceaccounts", StringComparison.Ordinal));
        Assert.Equal(["team-a", "team-b"], chart.OfKind("Role").Where(r => (string?)r["metadata"]!["name"] == $"{Name}-impersonate").Select(r => (string?)r["metadata"]!["namespace"]));
        Assert.All(chart.OfKind("Role").Where(r => (string?)r["metadata"]!["name"] == $"{Name}-impersonate"), role =>
            Assert.Equal([ImpersonateRule], role["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject()))));
        Assert.Equal(["team-a", "team-b"], chart.OfKind("RoleBinding").Where(b => (string?)b["roleRef"]!["name"] == $"{Name}-impersonate").Select(b => (string?)b["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task Impersonation_without_tenant_namespaces_is_cluster_wide_or_in_the_watched_namespace()
    {
        var clusterWide = await Helm.TemplateAsync("tenancy.impersonate=true");
        var watched = await Helm.TemplateAsync("tenancy.impersonate=true", "watchNamespace=apps");

        Assert.Equal([ImpersonateRule], clusterWide.Single("ClusterRole", $"{Name}-impersonate")["rules"]!.AsArray().Select(r => PolicyRule.From(r!.AsObject())));
        Assert.Equal($"{Name}-impersonate", (string?)clusterWide.Single("ClusterRoleBinding", $"{Name}-impersonate")["roleRef"]!["name"]);
        Assert.Equal("apps", (string?)watched.Single("Role", $"{Name}-impersonate")["metadata"]!["namespace"]);
        Assert.Empty(watched.OfKind("ClusterRole", "ClusterRoleBinding"));
    }

    [Fact]
    public async Task A_default_service_account_without_impersonation_is_refused()
    {
        var result = await Helm.RunAsync(["template", Name, Helm.ChartPath, "--set", "tenancy.defaultServiceAccount=deployer"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("tenancy.defaultServiceAccount needs tenancy.impersonate", result.Errors, StringComparison.Ordinal);
    }

    private static IEnumerable<string> RoleNames(RenderedChart chart) =>
        chart.OfKind("Role", "ClusterRole").Select(r => (string)r["metadata"]!["name"]!).Order(StringComparer.Ordinal);

    private static IEnumerable<string?> Args(RenderedChart chart) =>
        chart.Single("Deployment", Name)["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => (string?)a);
}
