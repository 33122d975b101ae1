using k8s.Models;

namespace KubeEmulator.Tests.Core;

/// <summary>Small workload objects for the tests.</summary>
internal static class Workload
{
    public static V1Deployment Deployment(string name, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = name, Image = image }] },
            },
        },
    };
}
