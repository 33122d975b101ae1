using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Tests;

public sealed class OpenApiTests
{
    private static readonly Dictionary<ResourceType, JsonObject> NoCustomSchemas = [];

    private static readonly ResourceType Widget = new("example.com", "v1", "Widget", "widgets", "widget", [], true, true);

    private static JsonObject WidgetSchema(string extraProperty) => JsonNode.Parse("""
        {"type":"object","properties":{"spec":{"type":"object","properties":{"url":{"type":"string"},"EXTRA":{"type":"integer"}}}}}
        """.Replace("EXTRA", extraProperty, StringComparison.Ordinal))!.AsObject();

    private static JsonObject AppsV1 => OpenApi.V3("apis/apps/v1", BuiltInResources.All, NoCustomSchemas)!;

    private static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    [Fact]
    public void V3_document_names_definitions_as_the_real_spec_and_marks_their_kind()
    {
        var document = AppsV1;

        Assert.Equal("3.0.0", (string?)document["openapi"]);
        var deployment = Schema(document, "io.k8s.api.apps.v1.Deployment");
        Assert.Equal("""[{"group":"apps","kind":"Deployment","version":"v1"}]""", deployment["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)deployment["properties"]!["metadata"]!["$ref"]);
        Assert.Equal("#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec", (string?)deployment["properties"]!["spec"]!["$ref"]);
        Assert.NotNull(Schema(document, "io.k8s.api.core.v1.PodSpec"));
        Assert.NotNull(Schema(document, "io.k8s.api.apps.v1.DeploymentList")["x-kubernetes-group-version-kind"]);
    }

    [Fact]
    public void Patch_operation_declares_the_kind_patch_types_and_field_validation()
    {
        var patch = AppsV1["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;

        Assert.Equal("""{"group":"apps","kind":"Deployment","version":"v1"}""", patch["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("patch", (string?)patch["x-kubernetes-action"]);
        var parameters = patch["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("fieldValidation", parameters);
        Assert.Contains("dryRun", parameters);
        Assert.Contains("fieldManager", parameters);
        Assert.Contains("force", parameters);
        Assert.Contains("application/strategic-merge-patch+json", patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Contains("application/apply-patch+yaml", patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
    }

    [Fact]
    public void Every_served_kind_has_collection_item_and_status_paths()
    {
        var document = OpenApi.V3("api/v1", BuiltInResources.All, NoCustomSchemas)!;
        var paths = document["paths"]!.AsObject();

        Assert.NotNull(paths["/api/v1/namespaces/{namespace}/pods"]!["post"]);
        Assert.NotNull(paths["/api/v1/namespaces/{namespace}/pods"]!["get"]);
        Assert.NotNull(paths["/api/v1/pods"]!["get"]);
        Assert.NotNull(paths["/api/v1/namespaces/{namespace}/pods/{name}/status"]!["patch"]);
        Assert.NotNull(paths["/api/v1/namespaces/{name}"]!["delete"]);
        Assert.Null(paths["/api/v1/namespaces/{namespace}/configmaps/{name}/status"]);
    }

    [Fact]
    public void Lists_kubectl_merges_carry_their_patch_metadata()
    {
        var document = AppsV1;

        var containers = Schema(document, "io.k8s.api.core.v1.PodSpec")["properties"]!["containers"]!;
        Assert.Equal("merge", (string?)containers["x-kubernetes-patch-strategy"]);
        Assert.Equal("name", (string?)containers["x-kubernetes-patch-merge-key"]);
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.Container", (string?)containers["items"]!["$ref"]);
        var ports = Schema(document, "io.k8s.api.core.v1.Container")["properties"]!["ports"]!;
        Assert.Equal("containerPort", (string?)ports["x-kubernetes-patch-merge-key"]);
        Assert.Equal("""["containerPort","protocol"]""", ports["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("map", (string?)ports["x-kubernetes-list-type"]);
        Assert.Equal("mountPath", (string?)Schema(document, "io.k8s.api.core.v1.Container")["properties"]!["volumeMounts"]!["x-kubernetes-patch-merge-key"]);
        Assert.Equal("merge,retainKeys", (string?)Schema(document, "io.k8s.api.core.v1.PodSpec")["properties"]!["volumes"]!["x-kubernetes-patch-strategy"]);
        var strategy = Schema(document, "io.k8s.api.apps.v1.DeploymentSpec")["properties"]!["strategy"]!;
        Assert.Equal("retainKeys", (string?)strategy["x-kubernetes-patch-strategy"]);
        Assert.Equal("#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy", (string?)strategy["allOf"]![0]!["$ref"]);
    }

    [Fact]
    public void Special_types_map_as_in_the_real_spec()
    {
        var document = AppsV1;

        Assert.Equal("""{"type":"string","format":"int-or-string"}""", Schema(document, "io.k8s.apimachinery.pkg.util.intstr.IntOrString").ToJsonString());
        Assert.Equal("""{"type":"string"}""", Schema(document, "io.k8s.apimachinery.pkg.api.resource.Quantity").ToJsonString());
        Assert.Equal("""{"type":"string","format":"date-time"}""", Schema(document, "io.k8s.apimachinery.pkg.apis.meta.v1.Time").ToJsonString());
        var probe = Schema(document, "io.k8s.api.core.v1.HTTPGetAction")["properties"]!["port"]!;
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString", (string?)probe["$ref"]);
        var replicas = Schema(document, "io.k8s.api.apps.v1.DeploymentSpec")["properties"]!["replicas"]!;
        Assert.Equal("""{"type":"integer","format":"int32"}""", replicas.ToJsonString());
        var limits = Schema(document, "io.k8s.api.core.v1.ResourceRequirements")["properties"]!["limits"]!;
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity", (string?)limits["additionalProperties"]!["$ref"]);
        var secretData = Schema(OpenApi.V3("api/v1", BuiltInResources.All, NoCustomSchemas)!, "io.k8s.api.core.v1.Secret")["properties"]!["data"]!;
        Assert.Equal("""{"type":"object","additionalProperties":{"type":"string","format":"byte"}}""", secretData.ToJsonString());
    }

    [Fact]
    public void Group_version_that_is_not_served_has_no_document()
    {
        Assert.Null(OpenApi.V3("apis/apps/v1beta1", BuiltInResources.All, NoCustomSchemas));
    }

    [Fact]
    public void Custom_resource_schema_gets_metadata_kind_and_a_patch_without_strategic_merge()
    {
        var document = OpenApi.V3("apis/example.com/v1", [.. BuiltInResources.All, Widget], new Dictionary<ResourceType, JsonObject> { [Widget] = WidgetSchema("replicas") })!;

        var widget = Schema(document, "com.example.v1.Widget");
        Assert.Equal("""[{"group":"example.com","kind":"Widget","version":"v1"}]""", widget["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)widget["properties"]!["metadata"]!["$ref"]);
        Assert.Equal("string", (string?)widget["properties"]!["spec"]!["properties"]!["url"]!["type"]);
        Assert.NotNull(Schema(document, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
        Assert.NotNull(Schema(document, "com.example.v1.WidgetList"));
        var patch = document["paths"]!["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.DoesNotContain("application/strategic-merge-patch+json", patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Contains("fieldValidation", patch["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
    }

    [Fact]
    public void Index_lists_every_group_version_and_its_hash_moves_only_with_its_content()
    {
        var before = OpenApi.V3Index(BuiltInResources.All, NoCustomSchemas);
        var again = OpenApi.V3Index(BuiltInResources.All, NoCustomSchemas);
        var withCrd = OpenApi.V3Index([.. BuiltInResources.All, Widget], new Dictionary<ResourceType, JsonObject> { [Widget] = WidgetSchema("replicas") });
        var changedCrd = OpenApi.V3Index([.. BuiltInResources.All, Widget], new Dictionary<ResourceType, JsonObject> { [Widget] = WidgetSchema("size") });

        Assert.Equal(before.ToJsonString(), again.ToJsonString());
        Assert.StartsWith("/openapi/v3/api/v1?hash=", (string?)before["paths"]!["api/v1"]!["serverRelativeURL"], StringComparison.Ordinal);
        Assert.NotNull(before["paths"]!["apis/apps/v1"]);
        Assert.Null(before["paths"]!["apis/example.com/v1"]);
        Assert.NotNull(withCrd["paths"]!["apis/example.com/v1"]);
        Assert.Equal(URL(before, "apis/apps/v1"), URL(withCrd, "apis/apps/v1"));
        Assert.NotEqual(URL(withCrd, "apis/example.com/v1"), URL(changedCrd, "apis/example.com/v1"));
    }

    [Fact]
    public void Documents_are_fresh_copies_a_caller_may_change()
    {
        var first = AppsV1;
        first["paths"] = new JsonObject();

        Assert.NotEmpty(AppsV1["paths"]!.AsObject());
    }

    [Fact]
    public void V2_document_has_definitions_paths_and_kinds()
    {
        var document = OpenApi.V2(BuiltInResources.All, NoCustomSchemas);

        Assert.Equal("2.0", (string?)document["swagger"]);
        var deployment = document["definitions"]!["io.k8s.api.apps.v1.Deployment"]!;
        Assert.Equal("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)deployment["properties"]!["metadata"]!["$ref"]);
        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Contains("application/strategic-merge-patch+json", patch["consumes"]!.AsArray().Select(c => (string?)c));
        Assert.Contains("fieldValidation", patch["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.NotNull(document["definitions"]!["io.k8s.api.core.v1.Pod"]);
    }

    private static string? URL(JsonObject index, string path) => (string?)index["paths"]![path]!["serverRelativeURL"];
}
