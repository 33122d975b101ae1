using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

public class ValidationTests
{
    [Fact]
    public async Task Namespaced_object_without_namespace_lands_in_the_target_namespace()
    {
        using var repo = new TestRepo().With("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n");

        var result = await repo.RenderAsync(targetNamespace: "team-a");

        var rendered = Assert.Single(result.Objects);
        Assert.Equal(new ObjectIdentity("", "ConfigMap", "team-a", "cm"), rendered.Identity);
        Assert.Equal("team-a", rendered.Json["metadata"]!["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Declared_namespace_is_kept()
    {
        using var repo = new TestRepo().With("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: other\n");

        var result = await repo.RenderAsync(targetNamespace: "team-a");

        Assert.Equal("other", Assert.Single(result.Objects).Identity.Namespace);
    }

    [Fact]
    public async Task Namespace_on_a_cluster_scoped_object_is_dropped_as_the_api_server_does()
    {
        using var repo = new TestRepo().With("role.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:reader\n  namespace: ignored\n");

        var result = await repo.RenderAsync();

        var rendered = Assert.Single(result.Objects);
        Assert.Equal(new ObjectIdentity("rbac.authorization.k8s.io", "ClusterRole", "", "system:reader"), rendered.Identity);
        Assert.Null(rendered.Json["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Kinds_from_a_crd_in_the_same_render_take_the_crd_scope()
    {
        using var repo = new TestRepo()
            .With("crd.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions: [{name: v1, served: true, storage: true}]\n")
            .With("widget.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\n");

        var result = await repo.RenderAsync(targetNamespace: "apps");

        Assert.Equal(new ObjectIdentity("example.com", "Widget", "apps", "gadget"), result.Objects.Single(o => o.Type.Kind == "Widget").Identity);
    }

    [Theory]
    [InlineData("Namespace", "v1", "dots.not.allowed", "RFC 1123 label")]
    [InlineData("ConfigMap", "v1", "-leading-dash", "RFC 1123 subdomain")]
    [InlineData("Role", "rbac.authorization.k8s.io/v1", "has/slash", "may not contain '/'")]
    public async Task Names_are_checked_with_the_rule_of_their_kind(string kind, string apiVersion, string name, string rule)
    {
        using var repo = new TestRepo().With("obj.yaml", $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: \"{name}\"\n");

        var result = await repo.RenderAsync();

        Assert.Contains(rule, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_name_in_different_namespaces_or_kinds_is_not_a_duplicate()
    {
        using var repo = new TestRepo().With("objs.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: b}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: x, namespace: a}\n");

        var result = await repo.RenderAsync();

        Assert.Equal(3, result.Objects.Count);
    }

    [Fact]
    public async Task Content_hash_ignores_key_order_and_spelling_but_not_values()
    {
        using var repo = new TestRepo()
            .With("a/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata: {a: '1', b: '2'}\n")
            .With("b/cm.json", """{"data": {"b": "2", "a": "1"}, "kind": "ConfigMap", "apiVersion": "v1", "metadata": {"name": "cm"}}""")
            .With("c/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata: {a: '1', b: '3'}\n");

        var a = (await repo.RenderAsync("a")).Objects.Single();
        var b = (await repo.RenderAsync("b")).Objects.Single();
        var c = (await repo.RenderAsync("c")).Objects.Single();

        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", a.ContentHash);
    }
}
