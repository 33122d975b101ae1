using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

/// <summary>Objects as the API server would hand them to a controller.</summary>
internal static class Workloads
{
    public static V1PodTemplateSpec Template(string image, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Labels = labels.Length == 0 ? new Dictionary<string, string> { ["app"] = "web" } : labels.ToDictionary(l => l.Key, l => l.Value) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = image }] },
    };

    public static V1Deployment Deployment(string image = "nginx:1.27", int replicas = 1, long generation = 1) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop", Uid = "dep-uid", Generation = generation, ResourceVersion = "10" },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
            Template = Template(image),
        },
    };

    public static V1ReplicaSet ReplicaSet(int replicas, int? ready, long generation = 1, long? observedGeneration = 1, string image = "nginx:1.27") => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-abc", NamespaceProperty = "shop", Generation = generation },
        Spec = new V1ReplicaSetSpec { Replicas = replicas, Template = Template(image) },
        Status = new V1ReplicaSetStatus
        {
            Replicas = replicas,
            ReadyReplicas = ready,
            AvailableReplicas = ready,
            ObservedGeneration = observedGeneration,
        },
    };
}
