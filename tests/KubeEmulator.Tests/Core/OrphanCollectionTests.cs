using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

/// <summary>
/// Objects written after their owners left are collected, as the real garbage collector collects any object whose
/// ownerReferences all point at absent owners.
/// </summary>
public sealed class OrphanCollectionTests
{
    [Fact]
    public async Task Replica_set_created_for_a_deployment_that_was_already_deleted_is_collected()
    {
        await using var cluster = await Quiet.StartAsync();
        var deployment = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(Workload.Deployment("web", "nginx:1.27"), "default");
        await cluster.Client.AppsV1.DeleteNamespacedDeploymentAsync("web", "default");

        await cluster.Client.AppsV1.CreateNamespacedReplicaSetAsync(ReplicaSetOf(deployment), "default");

        Assert.Empty((await cluster.Client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items);
    }

    [Fact]
    public async Task Dependent_of_an_owner_recreated_under_the_same_name_is_collected()
    {
        await using var cluster = await Quiet.StartAsync();
        var first = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner"), "default");
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner"), "default");

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(OwnedBy(ConfigMap("dependent"), first), "default");

        Assert.Equal(["owner"], await ConfigMapNamesAsync(cluster.Client));
    }

    [Fact]
    public async Task Dependent_that_loses_its_owner_by_update_is_collected()
    {
        await using var cluster = await Quiet.StartAsync();
        var gone = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("gone"), "default");
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("gone", "default");
        var dependent = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dependent"), "default");

        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(OwnedBy(dependent, gone), "dependent", "default");

        Assert.Empty(await ConfigMapNamesAsync(cluster.Client));
    }

    [Fact]
    public async Task Dependent_with_one_live_owner_is_kept()
    {
        await using var cluster = await Quiet.StartAsync();
        var gone = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("gone"), "default");
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("gone", "default");
        var live = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("live"), "default");

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(OwnedBy(OwnedBy(ConfigMap("dependent"), gone), live), "default");

        Assert.Equal(["dependent", "live"], await ConfigMapNamesAsync(cluster.Client));
    }

    [Fact]
    public async Task Dependent_of_an_owner_kind_the_server_does_not_serve_is_kept()
    {
        await using var cluster = await Quiet.StartAsync();
        var dependent = ConfigMap("dependent");
        dependent.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "example.com/v1", Kind = "Gadget", Name = "g", Uid = Guid.NewGuid().ToString() }];

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "default");

        Assert.Equal(["dependent"], await ConfigMapNamesAsync(cluster.Client));
    }

    private static V1ConfigMap ConfigMap(string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" } };

    private static V1ConfigMap OwnedBy(V1ConfigMap dependent, V1ConfigMap owner)
    {
        var reference = new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid };
        dependent.Metadata.OwnerReferences = [.. dependent.Metadata.OwnerReferences ?? [], reference];
        return dependent;
    }

    private static V1ReplicaSet ReplicaSetOf(V1Deployment deployment) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1",
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = deployment.Metadata.Name, Uid = deployment.Metadata.Uid, Controller = true }],
        },
        Spec = new V1ReplicaSetSpec { Replicas = 1, Selector = deployment.Spec.Selector, Template = deployment.Spec.Template },
    };

    private static async Task<IReadOnlyList<string>> ConfigMapNamesAsync(IKubernetes client) =>
        (await client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal).ToList();
}
