using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Hosting;
using GitOpsOperator.Hosting.Leadership;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;
using KubeEmulator.Introspection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Tests.Leadership;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_the_operator_lets_an_in_flight_reconcile_finish_writing_its_status()
    {
        var root = Path.Combine(Path.GetTempPath(), $"graceful-{Guid.NewGuid():N}");
        try
        {
            await using var cluster = await ClusterWithCrds.StartAsync();
            var origin = await OriginRepo.CreateAsync(Path.Combine(root, "served"), Path.Combine(root, "scratch"), "config");
            var sha = await origin.CommitAsync("first", ("app.yaml", "a: 1\n"));
            var settings = new Dictionary<string, string?> { ["Operator:GitCacheDirectory"] = Path.Combine(root, "cache") };
            var options = new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1" };
            using var host = OperatorHost.Build(settings, options, KubernetesConnection.Resolve(cluster.KubeconfigPath));
            using var slowStatus = cluster.Faults.Add(FaultRule.Slow(TimeSpan.FromSeconds(3), "patch", "gitrepositories/status") with { Times = 1 });
            await host.StartAsync();
            var repository = new GitRepository
            {
                Metadata = new V1ObjectMeta { Name = "config", NamespaceProperty = ClusterWithCrds.Namespace },
                Spec = new GitRepositorySpec { Url = "file://" + origin.GitDir },
            };
            await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
                repository, GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural);
            await Eventually.TrueAsync(() => slowStatus.Hits == 1, "the status write is in flight");

            await host.StopAsync();

            var written = await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(
                GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural, "config");
            Assert.Equal($"main@sha1:{sha}", written.Status?.Artifact?.Revision);
            Assert.Equal(Condition.True, written.Status!.Conditions.Find(ConditionTypes.Ready)?.Status);
            Assert.Equal(LeadershipServices.ShutdownTimeout, host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
