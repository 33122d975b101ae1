using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

/// <summary>Starts emulated clusters with quick controllers and waits for what they should produce.</summary>
internal static class ClusterProbe
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<EmulatedCluster> StartAsync(bool controllers = true) =>
        EmulatedCluster.StartAsync(new EmulatorOptions
        {
            Controllers = new KubeEmulator.Controllers.ControllerOptions
            {
                Enabled = controllers,
                ReadyDelay = TimeSpan.FromMilliseconds(100),
            },
        });

    /// <summary>Polls until <paramref name="done"/> holds, returning the last value; fails with the last value seen after the patience runs out.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        T last = await probe();
        while (!done(last))
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for {what}; last seen: {KubernetesJson.Serialize(last)}");
            }

            await Task.Delay(50, CancellationToken.None);
            last = await probe();
        }

        return last;
    }

    public static V1Deployment Deployment(string name, string image, int replicas = 1) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = image }] },
            },
        },
    };

    public static V1DeploymentCondition? Condition(V1Deployment deployment, string type) =>
        deployment.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsAvailable(V1Deployment deployment) =>
        deployment.Status?.ObservedGeneration == deployment.Metadata.Generation
        && Condition(deployment, "Available")?.Status == "True"
        && Condition(deployment, "Progressing")?.Reason == "NewReplicaSetAvailable";

    public static async Task<IList<V1ReplicaSet>> ReplicaSetsOfAsync(IKubernetes client, string ns, string app) =>
        (await client.AppsV1.ListNamespacedReplicaSetAsync(ns, labelSelector: $"app={app}")).Items;
}
