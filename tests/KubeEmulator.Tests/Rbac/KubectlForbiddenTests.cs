namespace KubeEmulator.Tests.Rbac;

/// <summary>What kubectl prints when RBAC refuses a request: the real server's Forbidden wording, word for word.</summary>
[Collection(RbacCluster.Collection)]
public sealed class KubectlForbiddenTests(RbacCluster cluster)
{
    private const string Deployer = "system:serviceaccount:forbid-t1:deployer";

    private const string Setup = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: forbid-t1}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: forbid-t2}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: deployer, namespace: forbid-t1}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: forbid-t2}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx:1.27}]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: deploy-viewer, namespace: forbid-t2}
        rules:
        - {apiGroups: [apps], resources: [deployments], verbs: [get, list, patch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: deployer-views, namespace: forbid-t2}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy-viewer}
        subjects: [{kind: ServiceAccount, name: deployer, namespace: forbid-t1}]
        """;

    [Fact]
    public async Task Get_list_and_create_are_refused_with_the_real_wording()
    {
        await cluster.ApplyAsync(Setup);

        var get = await cluster.KubectlAsync("get", "deployment", "web", "-n", "forbid-t1", "--as", Deployer);
        var list = await cluster.KubectlAsync("get", "deployments", "-n", "forbid-t1", "--as", Deployer);
        var create = await cluster.KubectlAsync("create", "configmap", "settings", "-n", "forbid-t2", "--as", Deployer);
        var clusterScope = await cluster.KubectlAsync("get", "deployments", "-A", "--as", Deployer);
        var core = await cluster.KubectlAsync("get", "secret", "token", "-n", "forbid-t2", "--as", Deployer);

        Assert.Equal(1, get.ExitCode);
        Assert.Equal($"Error from server (Forbidden): deployments.apps \"web\" is forbidden: User \"{Deployer}\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"forbid-t1\"\n", get.Stderr);
        Assert.Equal($"Error from server (Forbidden): deployments.apps is forbidden: User \"{Deployer}\" cannot list resource \"deployments\" in API group \"apps\" in the namespace \"forbid-t1\"\n", list.Stderr);
        Assert.Equal($"error: failed to create configmap: configmaps is forbidden: User \"{Deployer}\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"forbid-t2\"\n", create.Stderr);
        Assert.Equal($"Error from server (Forbidden): deployments.apps is forbidden: User \"{Deployer}\" cannot list resource \"deployments\" in API group \"apps\" at the cluster scope\n", clusterScope.Stderr);
        Assert.Equal($"Error from server (Forbidden): secrets \"token\" is forbidden: User \"{Deployer}\" cannot get resource \"secrets\" in API group \"\" in the namespace \"forbid-t2\"\n", core.Stderr);
    }

    [Fact]
    public async Task What_the_role_grants_works_and_a_subresource_needs_its_own_rule()
    {
        await cluster.ApplyAsync(Setup);

        var get = await cluster.MustRunAsync("get", "deployment", "web", "-n", "forbid-t2", "-o", "name", "--as", Deployer);
        var scale = await cluster.KubectlAsync("scale", "deployment", "web", "--replicas=3", "-n", "forbid-t2", "--as", Deployer);

        Assert.Equal("deployment.apps/web", get.Stdout.Trim());
        Assert.Contains($"deployments.apps \"web\" is forbidden: User \"{Deployer}\" cannot patch resource \"deployments/scale\" in API group \"apps\" in the namespace \"forbid-t2\"", scale.Stderr);
    }

    [Fact]
    public async Task Non_resource_paths_are_authorized()
    {
        var version = await cluster.KubectlAsync("get", "--raw", "/version", "--as", "nobody");
        var other = await cluster.KubectlAsync("get", "--raw", "/foo", "--as", "nobody");

        Assert.True(version.Succeeded, version.ToString());
        Assert.Equal("Error from server (Forbidden): forbidden: User \"nobody\" cannot get path \"/foo\"\n", other.Stderr);
    }

    [Fact]
    public async Task Server_dry_run_and_an_apply_that_creates_are_authorized_as_the_real_request()
    {
        await cluster.ApplyAsync(Setup);
        const string configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: forbid-t2}
            data: {mode: blue}
            """;
        var file = Path.Combine(Path.GetDirectoryName(cluster.Cluster.KubeconfigPath)!, "forbid-settings.yaml");
        await File.WriteAllTextAsync(file, configMap);

        var dryRun = await cluster.KubectlAsync("create", "-f", file, "--dry-run=server", "--as", Deployer);
        var apply = await cluster.KubectlAsync("apply", "--server-side", "-f", file, "--as", Deployer);

        Assert.Contains($"configmaps is forbidden: User \"{Deployer}\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"forbid-t2\"", dryRun.Stderr);
        Assert.Contains($"configmaps \"settings\" is forbidden: User \"{Deployer}\" cannot patch resource \"configmaps\" in API group \"\" in the namespace \"forbid-t2\"", apply.Stderr);
    }

    [Fact]
    public async Task An_apply_that_would_create_needs_create_as_well_as_patch()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: forbid-t3}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: existing, namespace: forbid-t3}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: patcher, namespace: forbid-t3}
            rules:
            - {apiGroups: [""], resources: [configmaps], verbs: [get, patch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: patcher, namespace: forbid-t3}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: patcher}
            subjects: [{kind: User, name: patty}]
            """);
        var existing = Path.Combine(Path.GetDirectoryName(cluster.Cluster.KubeconfigPath)!, "forbid-existing.yaml");
        var missing = Path.Combine(Path.GetDirectoryName(cluster.Cluster.KubeconfigPath)!, "forbid-missing.yaml");
        await File.WriteAllTextAsync(existing, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: existing, namespace: forbid-t3}\ndata: {a: b}\n");
        await File.WriteAllTextAsync(missing, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: missing, namespace: forbid-t3}\ndata: {a: b}\n");

        var update = await cluster.KubectlAsync("apply", "--server-side", "-f", existing, "--as", "patty");
        var create = await cluster.KubectlAsync("apply", "--server-side", "-f", missing, "--as", "patty");

        Assert.True(update.Succeeded, update.ToString());
        Assert.Contains("configmaps \"missing\" is forbidden: ", create.Stderr);
        var stored = await cluster.KubectlAsync("get", "configmap", "missing", "-n", "forbid-t3");
        Assert.Contains("NotFound", stored.Stderr);
    }

    [Fact]
    public async Task Impersonating_a_service_account_runs_as_it_in_its_groups()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: forbid-t4}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: all-service-accounts-view, namespace: forbid-t4}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: Group, name: system:serviceaccounts:forbid-t4}]
            """);

        var ownNamespace = await cluster.KubectlAsync("get", "configmaps", "-n", "forbid-t4", "--as", "system:serviceaccount:forbid-t4:default");
        var otherNamespaceAccount = await cluster.KubectlAsync("get", "configmaps", "-n", "forbid-t4", "--as", "system:serviceaccount:forbid-t1:default");

        Assert.True(ownNamespace.Succeeded, ownNamespace.ToString());
        Assert.Contains("cannot list resource \"configmaps\"", otherNamespaceAccount.Stderr);
    }
}
