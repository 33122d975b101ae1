using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class KubectlRolloutTests
{
    [Fact]
    public async Task Kubectl_rollout_status_reports_a_healthy_deployment_rolled_out()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27", replicas: 2), "default");

        var result = await new KubectlRunner(cluster.KubeconfigPath).RunAsync("rollout", "status", "deployment/web", "--namespace=default", "--timeout=30s");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("deployment \"web\" successfully rolled out", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deployment_scaled_with_kubectl_rolls_out_to_the_new_replica_count()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27"), "default");
        var kubectl = new KubectlRunner(cluster.KubeconfigPath);

        var scaled = await kubectl.RunAsync("scale", "deployment/web", "--namespace=default", "--replicas=3");
        var rollout = await kubectl.RunAsync("rollout", "status", "deployment/web", "--namespace=default", "--timeout=30s");

        Assert.True(scaled.ExitCode == 0, scaled.Stderr);
        Assert.True(rollout.ExitCode == 0, rollout.Stderr);
        var scale = await ClusterProbe.EventuallyAsync(
            () => cluster.Client.AppsV1.ReadNamespacedDeploymentScaleAsync("web", "default"), s => s.Status.Replicas == 3, "the Scale to show 3 replicas");
        Assert.Equal(3, scale.Spec.Replicas);
        Assert.Equal(3, Assert.Single(await ClusterProbe.ReplicaSetsOfAsync(cluster.Client, "default", "web")).Spec.Replicas);
    }

    [Fact]
    public async Task Kubectl_wait_for_available_succeeds_once_the_deployment_is_ready()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("web", "nginx:1.27"), "default");

        var result = await new KubectlRunner(cluster.KubeconfigPath).RunAsync("wait", "--for=condition=Available", "deployment/web", "--namespace=default", "--timeout=30s");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("deployment.apps/web condition met", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_rollout_status_fails_when_the_progress_deadline_is_exceeded()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(ClusterProbe.Deployment("broken", "registry/fail-rollout:1"), "default");

        var result = await new KubectlRunner(cluster.KubeconfigPath).RunAsync("rollout", "status", "deployment/broken", "--namespace=default", "--timeout=30s");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("exceeded its progress deadline", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_wait_for_job_complete_succeeds()
    {
        await using var cluster = await ClusterProbe.StartAsync();
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "migrate" },
            Spec = new V1JobSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "migrate", Image = "migrate:1" }] },
                },
            },
        };
        await cluster.Client.BatchV1.CreateNamespacedJobAsync(job, "default");

        var result = await new KubectlRunner(cluster.KubeconfigPath).RunAsync("wait", "--for=condition=Complete", "job/migrate", "--namespace=default", "--timeout=30s");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("job.batch/migrate condition met", result.Stdout, StringComparison.Ordinal);
    }
}
