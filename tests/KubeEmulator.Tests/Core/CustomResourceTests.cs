using System.Net;
using k8s.Models;
using k8s;
using k8s.Autorest;

namespace KubeEmulator.Tests.Core;

public sealed class CustomResourceTests
{
    [Fact]
    public async Task A_created_crd_is_established_and_serves_its_resource()
    {
        await using var cluster = await Quiet.StartAsync();

        await Widgets.DefineAsync(cluster.Client);
        var crd = await cluster.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 3), Widgets.Group, "v1", "default", Widgets.Plural);
        var list = Widgets.Json(await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync(Widgets.Group, "v1", "default", Widgets.Plural));

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Equal("Widget", crd.Status.AcceptedNames.Kind);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("w1", item.GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Schema_defaults_apply_and_unknown_fields_are_pruned()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);

        var created = Widgets.Json(await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            Widgets.Widget("w1", 0, new Dictionary<string, object> { ["size"] = 2, ["shape"] = "round" }), Widgets.Group, "v1", "default", Widgets.Plural));

        var spec = created.GetProperty("spec");
        Assert.Equal("blue", spec.GetProperty("color").GetString());
        Assert.False(spec.TryGetProperty("shape", out _));
    }

    [Fact]
    public async Task Object_breaking_the_schema_is_invalid()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 50), Widgets.Group, "v1", "default", Widgets.Plural));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.Contains("Widget.example.com \\\"w1\\\" is invalid", error.Response.Content);
        Assert.Contains("spec.size", error.Response.Content);
    }

    [Fact]
    public async Task Every_served_version_reads_the_same_objects()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 3), Widgets.Group, "v1", "default", Widgets.Plural);

        var asV2 = Widgets.Json(await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync(Widgets.Group, "v2", "default", Widgets.Plural, "w1"));

        Assert.Equal("example.com/v2", asV2.GetProperty("apiVersion").GetString());
        Assert.Equal(3, asV2.GetProperty("spec").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Status_subresource_separates_spec_and_status()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 3), Widgets.Group, "v1", "default", Widgets.Plural);
        var statusPatch = new V1Patch("""{"status":{"phase":"Ready"},"spec":{"size":9}}""", V1Patch.PatchType.MergePatch);

        var patched = Widgets.Json(await cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(statusPatch, Widgets.Group, "v1", "default", Widgets.Plural, "w1"));

        Assert.Equal("Ready", patched.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal(3, patched.GetProperty("spec").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Deleting_the_crd_removes_its_resource_and_objects()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 3), Widgets.Group, "v1", "default", Widgets.Plural);

        await cluster.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.com");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync(Widgets.Group, "v1", "default", Widgets.Plural));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        await Widgets.DefineAsync(cluster.Client);
        var list = Widgets.Json(await cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync(Widgets.Group, "v1", "default", Widgets.Plural));
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_unsupported_media_type()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 3), Widgets.Group, "v1", "default", Widgets.Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"size":4}}""", V1Patch.PatchType.StrategicMergePatch), Widgets.Group, "v1", "default", Widgets.Plural, "w1"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
    }
}
