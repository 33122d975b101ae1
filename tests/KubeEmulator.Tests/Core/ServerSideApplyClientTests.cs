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

    [Fact]
    public async Task Strict_field_validation_refuses_unknown_fields_and_warn_drops_them()
    {
        await using var cluster = await Quiet.StartAsync();
        var withUnknown = Settings.Replace("\"data\"", "\"spec\":{\"foo\":1},\"data\"", StringComparison.Ordinal);

        var strict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(withUnknown), "settings", "default", fieldManager: "tester", fieldValidation: "Strict"));
        var warned = await cluster.Client.CoreV1.PatchNamespacedConfigMapWithHttpMessagesAsync(Apply(withUnknown), "settings", "default", fieldManager: "tester", fieldValidation: "Warn");

        Assert.Equal(HttpStatusCode.BadRequest, strict.Response.StatusCode);
        Assert.Contains("strict decoding error: unknown field \\\"spec\\\"", strict.Response.Content);
        Assert.Contains(warned.Response.Headers.GetValues("Warning"), w => w.Contains("unknown field", StringComparison.Ordinal));
        Assert.Equal("blue", warned.Body.Data["color"]);
    }
}
