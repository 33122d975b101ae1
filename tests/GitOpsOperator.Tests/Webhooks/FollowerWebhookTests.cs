using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Hosting;
using GitOpsOperator.Tests.Support;
using GitOpsOperator.Webhooks;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsOperator.Tests.Webhooks;

public sealed class FollowerWebhookTests
{
    private const string Namespace = ClusterWithCrds.Namespace;

    [Fact]
    public async Task A_replica_that_does_not_lead_still_records_a_push_for_the_leader()
    {
        await using var cluster = await ClusterWithCrds.StartAsync();
        var client = cluster.Client;
        await client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = "gitops-operator-leader" },
                Spec = new V1LeaseSpec { HolderIdentity = "the-leader", LeaseDurationSeconds = 3600, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow },
            },
            Namespace);
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "git-webhook" }, StringData = new Dictionary<string, string> { ["token"] = "follower-token" } }, Namespace);
        var repository = new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = "config", NamespaceProperty = Namespace },
            Spec = new GitRepositorySpec { Url = "https://git.example.com/org/config.git", WebhookSecretRef = new NamedReference { Name = "git-webhook" } },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(repository, GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural);
        var options = new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1", LeaderElection = true, LeaseNamespace = Namespace };
        using var host = OperatorHost.Build(new Dictionary<string, string?>(), options, KubernetesConnection.Resolve(cluster.KubeconfigPath));
        await host.StartAsync();
        try
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Services.GetRequiredService<HttpEndpointsService>().Address!, $"/hooks/{Namespace}/config"));
            request.Headers.Add(WebhookSignature.GitLabHeader, "follower-token");

            using var response = await http.SendAsync(request);

            Assert.Equal(202, (int)response.StatusCode);
            var recorded = await client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural, "config");
            Assert.NotNull(ReconcileTriggers.RequestedAt(recorded));
            Assert.Null(recorded.Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
