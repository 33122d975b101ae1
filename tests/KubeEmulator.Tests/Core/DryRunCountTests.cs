using k8s;
using k8s.Models;
using KubeEmulator.Introspection;

namespace KubeEmulator.Tests.Core;

public sealed class DryRunCountTests
{
    private static V1ConfigMap ConfigMap(string name, string color) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Data = new Dictionary<string, string> { ["color"] = color },
    };

    [Fact]
    public async Task Dry_run_requests_are_counted_apart_from_the_writes_they_did_not_make()
    {
        await using var cluster = await Quiet.StartAsync();
        var core = cluster.Client.CoreV1;

        await core.CreateNamespacedConfigMapAsync(ConfigMap("settings", "blue"), "default");
        await core.CreateNamespacedConfigMapAsync(ConfigMap("promotions", "red"), "default", dryRun: "All");
        await core.PatchNamespacedConfigMapAsync(Apply("green"), "settings", "default", fieldManager: "test", dryRun: "All", force: true);
        await core.PatchNamespacedConfigMapAsync(Apply("green"), "settings", "default", fieldManager: "test", force: true);
        await core.DeleteNamespacedConfigMapAsync("settings", "default", dryRun: "All");
        await core.DeleteNamespacedConfigMapAsync("settings", "default", new V1DeleteOptions { DryRun = ["All"] });

        var requests = cluster.Requests;
        Assert.Equal((1, 1), (requests.Count("create", "configmaps", dryRun: false), requests.Count("create", "configmaps", dryRun: true)));
        Assert.Equal((1, 1), (requests.Count("patch", "configmaps", dryRun: false), requests.Count("patch", "configmaps", dryRun: true)));
        Assert.Equal((0, 2), (requests.Count("delete", "configmaps", dryRun: false), requests.Count("delete", "configmaps", dryRun: true)));
        Assert.Equal(2, requests.Snapshot()[new RequestKey("delete", "configmaps", DryRun: true)]);
        Assert.Equal("green", (await core.ReadNamespacedConfigMapAsync("settings", "default")).Data["color"]);
        Assert.Empty((await core.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name=promotions")).Items);
    }

    [Fact]
    public async Task Counting_by_verb_and_resource_alone_still_includes_the_dry_runs()
    {
        await using var cluster = await Quiet.StartAsync();

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "blue"), "default", dryRun: "All");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "blue"), "default");

        Assert.Equal(2, cluster.Requests.Count("create", "configmaps"));
        Assert.Equal(2, cluster.Requests.Count("create"));
        Assert.Equal(2, cluster.Requests.Total);
    }

    private static V1Patch Apply(string color) =>
        new(KubernetesJson.Serialize(ConfigMap("settings", color)), V1Patch.PatchType.ApplyPatch);
}
