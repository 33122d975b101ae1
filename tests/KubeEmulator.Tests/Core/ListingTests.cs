using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

public sealed class ListingTests
{
    private static async Task CreateAsync(IKubernetes client, string name, Dictionary<string, string> labels) =>
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, "default");

    [Fact]
    public async Task Limit_and_continue_page_through_every_object_once()
    {
        await using var cluster = await Quiet.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await CreateAsync(cluster.Client, $"cm-{i}", []);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 3, continueParameter: token);
            seen.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cm-{i}"), seen);
    }

    [Theory]
    [InlineData("tier=web", "a")]
    [InlineData("tier==web", "a")]
    [InlineData("tier!=web", "b,c")]
    [InlineData("tier in (web,db)", "a,b")]
    [InlineData("tier notin (web,db)", "c")]
    [InlineData("canary", "b")]
    [InlineData("!canary", "a,c")]
    [InlineData("tier=db,canary", "b")]
    public async Task Label_selectors_pick_the_matching_objects(string selector, string expected)
    {
        await using var cluster = await Quiet.StartAsync();
        await CreateAsync(cluster.Client, "a", new() { ["tier"] = "web" });
        await CreateAsync(cluster.Client, "b", new() { ["tier"] = "db", ["canary"] = "true" });
        await CreateAsync(cluster.Client, "c", []);

        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: selector);

        Assert.Equal(expected, string.Join(',', list.Items.Select(i => i.Metadata.Name)));
    }

    [Fact]
    public async Task Field_selectors_pick_by_name_namespace_and_event_subject()
    {
        await using var cluster = await Quiet.StartAsync();
        await CreateAsync(cluster.Client, "a", []);
        await CreateAsync(cluster.Client, "b", []);
        var subject = new V1ObjectReference { Kind = "Pod", Name = "web-1", NamespaceProperty = "default", Uid = "u-1" };
        await cluster.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event { Metadata = new V1ObjectMeta { Name = "e1" }, InvolvedObject = subject, Reason = "Started", Type = "Normal" }, "default");
        await cluster.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event { Metadata = new V1ObjectMeta { Name = "e2" }, InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "other" }, Reason = "Failed", Type = "Warning" }, "default");

        var byName = await cluster.Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.name=b");
        var notInDefault = await cluster.Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.namespace!=default");
        var events = await cluster.Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.kind=Pod,involvedObject.name=web-1,involvedObject.uid=u-1");
        var warnings = await cluster.Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "type=Warning");

        Assert.Equal(["b"], byName.Items.Select(i => i.Metadata.Name));
        Assert.Empty(notInDefault.Items);
        Assert.Equal(["e1"], events.Items.Select(i => i.Metadata.Name));
        Assert.Equal(["e2"], warnings.Items.Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task All_namespaces_list_spans_namespaces()
    {
        await using var cluster = await Quiet.StartAsync();
        await CreateAsync(cluster.Client, "a", []);
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, "kube-system");

        var list = await cluster.Client.CoreV1.ListConfigMapForAllNamespacesAsync();

        Assert.Equal(["a", "b"], list.Items.Select(i => i.Metadata.Name));
        Assert.Equal(cluster.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), list.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Malformed_label_selector_is_a_bad_request()
    {
        await using var cluster = await Quiet.StartAsync();

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "a b"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Response.StatusCode);
    }
}
