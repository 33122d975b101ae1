using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Kubectl;

/// <summary><c>kubectl scale</c> through the scale subresource, for the built-in workloads and a custom resource that declares one.</summary>
public sealed class KubectlScaleTests
{
    private const string GadgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale:
                specReplicasPath: .spec.count
                statusReplicasPath: .status.count
                labelSelectorPath: .status.selector
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;

    [Fact]
    public async Task Scale_sets_a_deployments_replicas()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=1");

        var scaled = await session.MustRunAsync("scale", "deployment/web", "--replicas=3");

        Assert.Contains("deployment.apps/web scaled", scaled.Stdout);
        var deployment = await GetAsync(session, "deployment", "web");
        Assert.Equal(3, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal(2, (int)deployment["metadata"]!["generation"]!);
        Assert.Equal("nginx:1.27", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public async Task Scale_sets_replica_set_and_stateful_set_replicas()
    {
        await using var session = await KubectlSession.StartAsync();
        var client = session.Cluster.Client;
        await client.AppsV1.CreateNamespacedReplicaSetAsync(ReplicaSet("cache"), "default");
        await client.AppsV1.CreateNamespacedStatefulSetAsync(StatefulSet("db"), "default");

        await session.MustRunAsync("scale", "replicaset/cache", "--replicas=4");
        await session.MustRunAsync("scale", "statefulset/db", "--replicas=0");

        Assert.Equal(4, (await client.AppsV1.ReadNamespacedReplicaSetAsync("cache", "default")).Spec.Replicas);
        Assert.Equal(0, (await client.AppsV1.ReadNamespacedStatefulSetAsync("db", "default")).Spec.Replicas);
    }

    [Fact]
    public async Task Scale_with_a_current_replicas_that_does_not_hold_changes_nothing()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=1");

        var result = await session.Kubectl.RunAsync("scale", "deployment/web", "--current-replicas=2", "--replicas=3");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Expected replicas to be 2, was 1", result.Output);
        Assert.Equal(1, (int)(await GetAsync(session, "deployment", "web"))["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Scale_sets_the_replicas_of_a_custom_resource_at_its_declared_path()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "-f", session.WriteManifest(GadgetCrd));
        await session.MustRunAsync("apply", "-f", session.WriteManifest("""
            apiVersion: example.com/v1
            kind: Gadget
            metadata: {name: g1, namespace: default}
            spec: {count: 1}
            """));

        var scaled = await session.MustRunAsync("scale", "gadget/g1", "--replicas=5");

        Assert.Contains("gadget.example.com/g1 scaled", scaled.Stdout);
        Assert.Equal(5, (int)(await GetAsync(session, "gadget", "g1"))["spec"]!["count"]!);
    }

    [Fact]
    public async Task Crd_whose_scale_replicas_path_is_outside_spec_is_refused()
    {
        await using var session = await KubectlSession.StartAsync();

        var result = await session.Kubectl.RunAsync("apply", "-f", session.WriteManifest(GadgetCrd.Replace(".spec.count", ".count", StringComparison.Ordinal)));

        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Contains("spec.versions[0].subresources.scale.specReplicasPath: Invalid value: \".count\": should be a json path under .spec", result.Output);
    }

    [Fact]
    public async Task Scale_of_a_deployment_shows_replicas_and_the_pod_selector()
    {
        await using var session = await KubectlSession.StartAsync();
        var client = session.Cluster.Client;
        var deployment = Core.Workload.Deployment("web", "nginx:1.27");
        deployment.Spec.Selector.MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "In", Values = ["web", "api"] }];
        deployment.Spec.Template.Metadata.Labels["tier"] = "web";
        await client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default");

        var scale = await client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default");

        Assert.Equal("autoscaling/v1", scale.ApiVersion);
        Assert.Equal("Scale", scale.Kind);
        Assert.Equal(1, scale.Spec.Replicas);
        Assert.Equal(0, scale.Status.Replicas);
        Assert.Equal("app=web,tier in (api,web)", scale.Status.Selector);
    }

    [Fact]
    public async Task Negative_replicas_through_the_scale_subresource_are_invalid()
    {
        await using var session = await KubectlSession.StartAsync();
        var client = session.Cluster.Client;
        await client.AppsV1.CreateNamespacedDeploymentAsync(Core.Workload.Deployment("web", "nginx:1.27"), "default");
        var scale = await client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default");

        scale.Spec.Replicas = -1;
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "web", "default"));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Equal(
            "Scale.autoscaling \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0",
            (string?)JsonNode.Parse(error.Response.Content)!["message"]);
        Assert.Equal(1, (await client.AppsV1.ReadNamespacedDeploymentAsync("web", "default")).Spec.Replicas);
    }

    [Fact]
    public async Task Stale_scale_update_is_a_conflict()
    {
        await using var session = await KubectlSession.StartAsync();
        var client = session.Cluster.Client;
        await client.AppsV1.CreateNamespacedReplicaSetAsync(ReplicaSet("cache"), "default");
        var stale = await client.AppsV1.ReadNamespacedReplicaSetScaleAsync("cache", "default");
        await client.AppsV1.PatchNamespacedReplicaSetAsync(new V1Patch("""{"metadata":{"labels":{"touched":"yes"}}}""", V1Patch.PatchType.MergePatch), "cache", "default");

        stale.Spec.Replicas = 2;
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.AppsV1.ReplaceNamespacedReplicaSetScaleAsync(stale, "cache", "default"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal(1, (await client.AppsV1.ReadNamespacedReplicaSetAsync("cache", "default")).Spec.Replicas);
    }

    [Fact]
    public async Task Server_side_apply_of_a_scale_conflicts_with_the_manager_that_applied_the_replicas()
    {
        await using var session = await KubectlSession.StartAsync();
        var client = session.Cluster.Client;
        var deployment = Core.Workload.Deployment("web", "nginx:1.27");
        deployment.ApiVersion = "apps/v1";
        deployment.Kind = "Deployment";
        deployment.Metadata.NamespaceProperty = "default";
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(deployment, V1Patch.PatchType.ApplyPatch), "web", "default", fieldManager: "gitops");
        var scale = """{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web","namespace":"default"},"spec":{"replicas":4}}""";

        var conflict = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() =>
            client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch(scale, V1Patch.PatchType.ApplyPatch), "web", "default", fieldManager: "autoscaler"));
        var forced = await client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch(scale, V1Patch.PatchType.ApplyPatch), "web", "default", fieldManager: "autoscaler", force: true);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains(".spec.replicas", conflict.Response.Content);
        Assert.Equal(4, forced.Spec.Replicas);
        var live = await client.AppsV1.ReadNamespacedDeploymentAsync("web", "default");
        Assert.Equal(4, live.Spec.Replicas);
        var autoscaler = Assert.Single(live.Metadata.ManagedFields, f => f.Manager == "autoscaler");
        Assert.Equal("scale", autoscaler.Subresource);
    }

    private static V1ReplicaSet ReplicaSet(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ReplicaSetSpec { Replicas = 1, Selector = Selector(name), Template = Template(name) },
    };

    private static V1StatefulSet StatefulSet(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1StatefulSetSpec { Replicas = 1, ServiceName = name, Selector = Selector(name), Template = Template(name) },
    };

    private static V1LabelSelector Selector(string name) => new() { MatchLabels = new Dictionary<string, string> { ["app"] = name } };

    private static V1PodTemplateSpec Template(string name) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = name, Image = "busybox:1.36" }] },
    };

    private static async Task<JsonNode> GetAsync(KubectlSession session, string resource, string name)
    {
        var result = await session.MustRunAsync("get", resource, name, "-o", "json");
        return JsonNode.Parse(result.Stdout)!;
    }
}
