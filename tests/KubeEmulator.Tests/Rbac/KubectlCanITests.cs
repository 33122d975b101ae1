namespace KubeEmulator.Tests.Rbac;

/// <summary><c>kubectl auth can-i</c> as other users (<c>--as</c>, <c>--as-group</c>) answers as RBAC grants.</summary>
[Collection(RbacCluster.Collection)]
public sealed class KubectlCanITests(RbacCluster cluster)
{
    [Fact]
    public async Task Role_bound_to_a_user_grants_its_verbs_in_its_namespace_only()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: cani-a}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: cani-b}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: deploy-reader, namespace: cani-a}
            rules:
            - {apiGroups: [apps], resources: [deployments], verbs: [get, list]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: alice-reads, namespace: cani-a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy-reader}
            subjects: [{kind: User, name: alice}]
            """);

        Assert.Equal("yes", await cluster.CanIAsync("get", "deployments", "-n", "cani-a", "--as", "alice"));
        Assert.Equal("yes", await cluster.CanIAsync("list", "deployments.apps", "-n", "cani-a", "--as", "alice"));
        Assert.Equal("no", await cluster.CanIAsync("delete", "deployments", "-n", "cani-a", "--as", "alice"));
        Assert.Equal("no", await cluster.CanIAsync("get", "deployments", "-n", "cani-b", "--as", "alice"));
        Assert.Equal("no", await cluster.CanIAsync("get", "deployments", "-n", "cani-a", "--as", "mallory"));
    }

    [Fact]
    public async Task ClusterRole_grants_in_one_namespace_through_a_RoleBinding_and_everywhere_through_a_ClusterRoleBinding()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: cani-c}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cani-secret-reader}
            rules:
            - {apiGroups: [""], resources: [secrets], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: readers, namespace: cani-c}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cani-secret-reader}
            subjects: [{kind: Group, name: cani-team}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: cani-auditors}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cani-secret-reader}
            subjects: [{kind: ServiceAccount, name: auditor, namespace: cani-c}]
            """);

        Assert.Equal("yes", await cluster.CanIAsync("get", "secrets", "-n", "cani-c", "--as", "bob", "--as-group", "cani-team"));
        Assert.Equal("no", await cluster.CanIAsync("get", "secrets", "-n", "default", "--as", "bob", "--as-group", "cani-team"));
        Assert.Equal("yes", await cluster.CanIAsync("get", "secrets", "-n", "default", "--as", "system:serviceaccount:cani-c:auditor"));
        Assert.Equal("yes", await cluster.CanIAsync("get", "secrets", "-A", "--as", "system:serviceaccount:cani-c:auditor"));
        Assert.Equal("no", await cluster.CanIAsync("get", "secrets", "-A", "--as", "bob", "--as-group", "cani-team"));
    }

    [Fact]
    public async Task Wildcards_and_subresources_match_as_the_real_authorizer_matches_them()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: cani-d}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: scaler, namespace: cani-d}
            rules:
            - {apiGroups: [apps], resources: [deployments/scale], verbs: [patch]}
            - {apiGroups: ["*"], resources: ["*/status"], verbs: [get]}
            - {apiGroups: [batch], resources: ["*"], verbs: ["*"]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: scaler, namespace: cani-d}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: scaler}
            subjects: [{kind: User, name: carol}]
            """);

        Assert.Equal("yes", await cluster.CanIAsync("patch", "deployments", "--subresource", "scale", "-n", "cani-d", "--as", "carol"));
        Assert.Equal("no", await cluster.CanIAsync("patch", "deployments", "-n", "cani-d", "--as", "carol"));
        Assert.Equal("yes", await cluster.CanIAsync("get", "pods", "--subresource", "status", "-n", "cani-d", "--as", "carol"));
        Assert.Equal("no", await cluster.CanIAsync("get", "pods", "-n", "cani-d", "--as", "carol"));
        Assert.Equal("yes", await cluster.CanIAsync("deletecollection", "cronjobs", "-n", "cani-d", "--as", "carol"));
        Assert.Equal("no", await cluster.CanIAsync("get", "deployments", "-n", "cani-d", "--as", "carol"));
    }

    [Fact]
    public async Task ResourceNames_allow_a_named_get_and_a_list_pinned_to_that_name_only()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: cani-e}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-config, namespace: cani-e}
            data: {mode: blue}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: one-config, namespace: cani-e}
            rules:
            - {apiGroups: [""], resources: [configmaps], resourceNames: [app-config], verbs: [get, list, create]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: one-config, namespace: cani-e}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: one-config}
            subjects: [{kind: User, name: dave}]
            """);

        Assert.Equal("yes", await cluster.CanIAsync("get", "configmaps/app-config", "-n", "cani-e", "--as", "dave"));
        Assert.Equal("no", await cluster.CanIAsync("get", "configmaps/other", "-n", "cani-e", "--as", "dave"));
        var named = await cluster.MustRunAsync("get", "configmap", "app-config", "-n", "cani-e", "-o", "name", "--as", "dave");
        Assert.Equal("configmap/app-config", named.Stdout.Trim());
        var list = await cluster.KubectlAsync("get", "configmaps", "-n", "cani-e", "--as", "dave");
        Assert.Contains("Error from server (Forbidden): configmaps is forbidden: User \"dave\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"cani-e\"", list.Stderr);
        var pinned = await cluster.MustRunAsync("get", "configmaps", "-n", "cani-e", "--field-selector", "metadata.name=app-config", "-o", "name", "--as", "dave");
        Assert.Equal("configmap/app-config", pinned.Stdout.Trim());
        var create = await cluster.KubectlAsync("create", "configmap", "app-config-2", "-n", "cani-e", "--as", "dave");
        Assert.Contains("configmaps is forbidden: User \"dave\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"cani-e\"", create.Stderr);
    }

    [Fact]
    public async Task NonResourceUrls_match_exactly_or_by_a_trailing_star()
    {
        await cluster.ApplyAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cani-metrics}
            rules:
            - {nonResourceURLs: [/metrics, /logs/*], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: cani-metrics}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cani-metrics}
            subjects: [{kind: User, name: erin}]
            """);

        Assert.Equal("yes", await cluster.CanIAsync("get", "/metrics", "--as", "erin"));
        Assert.Equal("no", await cluster.CanIAsync("get", "/metrics/extra", "--as", "erin"));
        Assert.Equal("yes", await cluster.CanIAsync("get", "/logs/kubelet.log", "--as", "erin"));
        Assert.Equal("no", await cluster.CanIAsync("post", "/metrics", "--as", "erin"));
        Assert.Equal("yes", await cluster.CanIAsync("get", "/version", "--as", "frank"));
        Assert.Equal("no", await cluster.CanIAsync("get", "/metrics", "--as", "frank"));
    }

    [Fact]
    public async Task List_shows_the_rules_that_apply_in_the_namespace()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: cani-f}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-watcher, namespace: cani-f}
            rules:
            - {apiGroups: [""], resources: [pods], verbs: [get, watch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: pod-watcher, namespace: cani-f}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-watcher}
            subjects: [{kind: User, name: grace}]
            """);

        var list = await cluster.MustRunAsync("auth", "can-i", "--list", "-n", "cani-f", "--as", "grace");

        var lines = list.Stdout.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal("Resources Non-Resource URLs Resource Names Verbs", lines[0]);
        Assert.Contains("pods [] [] [get watch]", lines);
        Assert.Contains("selfsubjectaccessreviews.authorization.k8s.io [] [] [create]", lines);
        Assert.Contains("[/version] [] [get]", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("pods", StringComparison.Ordinal) && l != "pods [] [] [get watch]");
    }
}
