using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

public sealed class ServerSideApplyClientTests
{
    private static V1Patch Apply(string json) => new(json, V1Patch.PatchType.ApplyPatch);

    private const string Settings = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"},"data":{"color":"blue"}}""";

    [Fact]
    public async Task Apply_with_dry_run_answers_the_object_and_stores_nothing()
    {
        await using var cluster = await Quiet.StartAsync();
        var before = cluster.ResourceVersion;

        var answer = await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default", fieldManager: "tester", dryRun: "All");

        Assert.Equal("blue", answer.Data["color"]);
        Assert.Equal(before, cluster.ResourceVersion);
        Assert.Empty((await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
    }

    [Fact]
    public async Task Apply_creates_records_the_manager_and_reapplying_changes_nothing()
    {
        await using var cluster = await Quiet.StartAsync();

        var created = await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default", fieldManager: "tester");
        var again = await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default", fieldManager: "tester");

        Assert.Equal("blue", created.Data["color"]);
        Assert.Contains(created.Metadata.ManagedFields, m => m.Manager == "tester" && m.Operation == "Apply");
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Apply_of_a_field_another_manager_owns_conflicts_unless_forced()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default", fieldManager: "a");
        var theirs = Settings.Replace("blue", "red", StringComparison.Ordinal);

        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(theirs), "settings", "default", fieldManager: "b"));
        var forced = await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(theirs), "settings", "default", fieldManager: "b", force: true);

        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \\\"a\\\": .data.color", conflict.Response.Content);
        Assert.Contains("FieldManagerConflict", conflict.Response.Content);
        Assert.Equal("red", forced.Data["color"]);
    }

    [Fact]
    public async Task Apply_without_a_field_manager_is_a_bad_request()
    {
        await using var cluster = await Quiet.StartAsync();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
    }

    [Fact]
    public async Task Unknown_patch_type_is_unsupported_media_type()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default", fieldManager: "tester");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{cluster.Url}/api/v1/namespaces/default/configmaps/settings")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/x-unknown-patch"),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Merge_patch_changes_only_the_named_fields_and_records_the_manager()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(Settings), "settings", "default", fieldManager: "tester");

        var patched = await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"size":"xl"}}""", V1Patch.PatchType.MergePatch), "settings", "default", fieldManager: "editor");

        Assert.Equal("blue", patched.Data["color"]);
        Assert.Equal("xl", patched.Data["size"]);
        Assert.Contains(patched.Metadata.ManagedFields, m => m.Manager == "editor" && m.Operation == "Update");
    }

    [Theory]
    [InlineData("Strict")]
    [InlineData("Warn")]
    [InlineData("Ignore")]
    public async Task Unknown_field_fails_the_typed_conversion_whatever_field_validation_says(string fieldValidation)
    {
        await using var cluster = await Quiet.StartAsync();
        var withUnknown = Settings.Replace("\"data\"", "\"spec\":{\"foo\":1},\"data\"", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(withUnknown), "settings", "default", fieldManager: "tester", fieldValidation: fieldValidation));

        Assert.Equal(HttpStatusCode.InternalServerError, refused.Response.StatusCode);
        Assert.Contains("failed to create typed patch object (default/settings; /v1, Kind=ConfigMap): .spec: field not declared in schema", refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_conflict_with_an_update_manager_names_its_api_version()
    {
        await using var cluster = await Quiet.StartAsync();
        var created = KubernetesJson.Deserialize<V1ConfigMap>(Settings);
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(created, "default", fieldManager: "kubectl-client-side-apply");

        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            Apply(Settings.Replace("blue", "red", StringComparison.Ordinal)), "settings", "default", fieldManager: "kubectl"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \\\"kubectl-client-side-apply\\\" using v1: .data.color", conflict.Response.Content);
        Assert.Contains("\"message\":\"conflict with \\\"kubectl-client-side-apply\\\" using v1\"", conflict.Response.Content);
    }

    [Fact]
    public async Task Apply_with_managed_fields_in_the_config_is_a_bad_request_not_a_server_error()
    {
        await using var cluster = await Quiet.StartAsync();
        var withManagedFields = Settings.Replace("\"namespace\":\"default\"", "\"namespace\":\"default\",\"managedFields\":[{\"manager\":\"x\"}]", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(withManagedFields), "settings", "default", fieldManager: "tester"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("metadata.managedFields must be nil", error.Response.Content);
    }

    [Fact]
    public async Task Apply_with_duplicate_list_keys_is_invalid_not_a_server_error()
    {
        await using var cluster = await Quiet.StartAsync();
        const string twice = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"web","image":"nginx"},{"name":"web","image":"busybox"}]}}}}
            """;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(Apply(twice), "web", "default", fieldManager: "tester"));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.Contains(".spec.template.spec.containers", error.Response.Content);
    }

    [Fact]
    public async Task Apply_ignores_status_on_a_kind_with_a_status_subresource()
    {
        await using var cluster = await Quiet.StartAsync();
        const string withStatus = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"web","image":"nginx"}]}}},"status":{"replicas":7}}
            """;

        var created = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(Apply(withStatus), "web", "default", fieldManager: "tester");
        var again = await cluster.Client.AppsV1.PatchNamespacedDeploymentAsync(Apply(withStatus), "web", "default", fieldManager: "tester");

        Assert.Null(created.Status?.Replicas);
        Assert.Null(again.Status?.Replicas);
        var applied = Assert.Single(again.Metadata.ManagedFields, m => m.Manager == "tester");
        Assert.DoesNotContain("f:status", KubernetesJson.Serialize(applied.FieldsV1), StringComparison.Ordinal);
        Assert.Contains("f:spec", KubernetesJson.Serialize(applied.FieldsV1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_of_a_custom_resource_records_its_map_list_items_by_key()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: routes.example.com }
            spec:
              group: example.com
              scope: Namespaced
              names: { plural: routes, singular: route, kind: Route }
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          rules:
                            type: array
                            x-kubernetes-list-type: map
                            x-kubernetes-list-map-keys: [host]
                            items:
                              type: object
                              properties:
                                host: { type: string }
                                port: { type: integer }
            """));
        var route = new Dictionary<string, object>
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Route",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "r1" },
            ["spec"] = new Dictionary<string, object> { ["rules"] = new[] { new Dictionary<string, object> { ["host"] = "a.example", ["port"] = 80 } } },
        };

        var created = Widgets.Json(await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, "example.com", "v1", "default", "routes", fieldManager: "editor"));

        var rules = created.GetProperty("metadata").GetProperty("managedFields")[0].GetProperty("fieldsV1").GetProperty("f:spec").GetProperty("f:rules");
        Assert.Contains(rules.EnumerateObject(), item => item.Name == "k:{\"host\":\"a.example\"}");
    }
}
