using System.Text.Json.Nodes;

namespace KubeEmulator.Tests.Rbac;

/// <summary>The built-in ClusterRoles and bindings exist as on a real server, and aggregation keeps admin/edit/view filled.</summary>
[Collection(RbacCluster.Collection)]
public sealed class KubectlBootstrapPolicyTests(RbacCluster cluster)
{
    [Fact]
    public async Task Bootstrap_cluster_roles_carry_the_real_labels_annotations_and_aggregation_rules()
    {
        var result = await cluster.MustRunAsync("get", "clusterroles", "admin", "edit", "view", "cluster-admin", "system:discovery",
            "system:basic-user", "system:public-info-viewer", "system:auth-delegator", "-o", "json");

        var items = JsonNode.Parse(result.Stdout)!["items"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => (string)i["metadata"]!["name"]!);
        Assert.Equal(8, items.Count);
        Assert.All(items.Values, role =>
        {
            Assert.Equal("rbac-defaults", (string?)role["metadata"]!["labels"]!["kubernetes.io/bootstrapping"]);
            Assert.Equal("true", (string?)role["metadata"]!["annotations"]!["rbac.authorization.kubernetes.io/autoupdate"]);
        });
        Assert.Equal("true", (string?)items["edit"]["metadata"]!["labels"]!["rbac.authorization.k8s.io/aggregate-to-admin"]);
        Assert.Equal("true", (string?)items["view"]["metadata"]!["labels"]!["rbac.authorization.k8s.io/aggregate-to-edit"]);
        Assert.Equal("true", (string?)items["view"]["aggregationRule"]!["clusterRoleSelectors"]![0]!["matchLabels"]!["rbac.authorization.k8s.io/aggregate-to-view"]);
        Assert.Contains(items["view"]["rules"]!.AsArray(), rule => rule!["resources"]!.AsArray().Any(r => (string?)r == "deployments"));
    }

    [Fact]
    public async Task Bootstrap_bindings_let_every_authenticated_user_discover_and_review_itself()
    {
        var bindings = await cluster.MustRunAsync("get", "clusterrolebindings", "cluster-admin", "system:discovery", "system:basic-user",
            "system:public-info-viewer", "-o", "jsonpath={range .items[*]}{.metadata.name}={.subjects[*].name}{\"\\n\"}{end}");

        Assert.Equal(
            "cluster-admin=system:masters\nsystem:discovery=system:authenticated\nsystem:basic-user=system:authenticated\n"
            + "system:public-info-viewer=system:authenticated system:unauthenticated\n",
            bindings.Stdout);
        Assert.Equal("yes", await cluster.CanIAsync("create", "selfsubjectaccessreviews", "--as", "newcomer"));
        Assert.Equal("yes", await cluster.CanIAsync("get", "/apis/apps/v1", "--as", "newcomer"));
    }

    [Fact]
    public async Task A_new_aggregate_to_view_role_shows_up_in_view_for_who_is_bound_to_it()
    {
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: agg}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: viewer, namespace: agg}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: User, name: viewer}]
            """);
        Assert.Equal("yes", await cluster.CanIAsync("list", "deployments", "-n", "agg", "--as", "viewer"));
        Assert.Equal("no", await cluster.CanIAsync("list", "leases", "-n", "agg", "--as", "viewer"));

        await cluster.ApplyAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: agg-lease-viewer
              labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
            rules:
            - {apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get, list, watch]}
            """);

        await WaitForAsync(async () => await cluster.CanIAsync("list", "leases", "-n", "agg", "--as", "viewer") == "yes");
        Assert.Equal("no", await cluster.CanIAsync("delete", "leases", "-n", "agg", "--as", "viewer"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }
}
