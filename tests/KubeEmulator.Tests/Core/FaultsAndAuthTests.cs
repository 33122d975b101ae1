using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeEmulator.Introspection;

namespace KubeEmulator.Tests.Core;

public sealed class FaultsAndAuthTests
{
    private static V1ConfigMap ConfigMap(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

    [Fact]
    public async Task Requests_are_counted_by_verb_and_resource_and_can_be_reset()
    {
        await using var cluster = await Quiet.StartAsync();

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");
        await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
        await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
        await cluster.Client.CoreV1.ListNamespaceAsync();

        Assert.Equal(1, cluster.Requests.Count("create", "configmaps"));
        Assert.Equal(2, cluster.Requests.Count("get", "configmaps"));
        Assert.Equal(1, cluster.Requests.Count("list", "namespaces"));
        Assert.Equal(2, cluster.Requests.Snapshot()[new RequestKey("get", "configmaps")]);
        cluster.Requests.Reset();
        Assert.Equal(0, cluster.Requests.Total);
    }

    [Fact]
    public async Task The_simulated_controllers_traffic_is_not_counted()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(Workload.Deployment("web", "nginx:1.27"), "default");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var replicaSets = cluster.CreateClient();
        while ((await replicaSets.AppsV1.ListNamespacedReplicaSetAsync("default", cancellationToken: timeout.Token)).Items.Count == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(0, cluster.Requests.Count("create", "replicasets"));
        Assert.Equal(1, cluster.Requests.Count("create", "deployments"));
    }

    [Fact]
    public async Task Fault_fails_the_matching_requests_the_given_number_of_times()
    {
        await using var cluster = await Quiet.StartAsync();
        using var fault = cluster.Faults.Add(FaultRule.Fail(503, "create", "configmaps") with { Times = 2 });

        var first = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default"));
        await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default"));
        var third = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");
        await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Response.StatusCode);
        Assert.Equal("a", third.Metadata.Name);
        Assert.Equal(2, fault.Hits);
    }

    [Fact]
    public async Task Too_many_requests_fault_carries_retry_after()
    {
        await using var cluster = await Quiet.StartAsync();
        cluster.Faults.Add(FaultRule.Fail(429, "list", "configmaps") with { RetryAfter = TimeSpan.FromSeconds(3) });
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{cluster.Url}/api/v1/namespaces/default/configmaps");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Dropped_connection_fault_closes_without_an_answer()
    {
        await using var cluster = await Quiet.StartAsync();
        cluster.Faults.Add(FaultRule.DropConnection("get", "configmaps", "a") with { Times = 1 });
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"{cluster.Url}/api/v1/namespaces/default/configmaps/a"));
        using var after = await http.GetAsync($"{cluster.Url}/api/v1/namespaces/default/configmaps/a");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Seeded_probability_fault_hits_the_same_requests_every_run()
    {
        static async Task<string> RunAsync()
        {
            await using var cluster = await Quiet.StartAsync();
            cluster.Faults.Add(FaultRule.Fail(500, "list") with { Probability = 0.5, Seed = 42 });
            using var http = new HttpClient();
            var outcomes = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                using var response = await http.GetAsync($"{cluster.Url}/api/v1/namespaces/default/configmaps");
                outcomes.Add((int)response.StatusCode);
            }

            return string.Join(',', outcomes);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains("500", first, StringComparison.Ordinal);
        Assert.Contains("200", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delay_fault_still_answers()
    {
        await using var cluster = await Quiet.StartAsync();
        using var fault = cluster.Faults.Add(FaultRule.Slow(TimeSpan.FromMilliseconds(50), "list", "namespaces"));

        var list = await cluster.Client.CoreV1.ListNamespaceAsync();

        Assert.NotEmpty(list.Items);
        Assert.Equal(1, fault.Hits);
    }

    [Fact]
    public async Task Bearer_token_is_required_when_configured()
    {
        await using var cluster = await EmulatedCluster.StartAsync(Quiet.Options with { BearerToken = "s3cret" });
        using var http = new HttpClient();

        using var anonymous = await http.GetAsync($"{cluster.Url}/api/v1/namespaces");
        var list = await cluster.Client.CoreV1.ListNamespaceAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("\"reason\":\"Unauthorized\"", await anonymous.Content.ReadAsStringAsync());
        Assert.NotEmpty(list.Items);
        Assert.Contains("token: \"s3cret\"", await File.ReadAllTextAsync(cluster.KubeconfigPath));
    }

    [Fact]
    public async Task Kubeconfig_without_a_token_is_loaded_by_KubernetesClient_and_kubectl()
    {
        await using var cluster = await Quiet.StartAsync();

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath);
        using var client = new Kubernetes(configuration);
        var list = await client.CoreV1.ListNamespaceAsync();
        var kubectl = await new KubectlRunner(cluster.KubeconfigPath).RunAsync("get", "namespace", "default", "-o", "name");

        Assert.Contains(list.Items, n => n.Metadata.Name == "default");
        Assert.True(kubectl.ExitCode == 0, kubectl.Stderr);
        Assert.Equal("namespace/default\n", kubectl.Stdout);
    }

    [Fact]
    public async Task Many_clusters_run_side_by_side_with_separate_state()
    {
        await using var one = await Quiet.StartAsync();
        await using var two = await Quiet.StartAsync();

        await one.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("only-in-one"), "default");

        Assert.NotEqual(one.Url, two.Url);
        Assert.Empty((await two.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
    }

    [Fact]
    public async Task Kubeconfig_is_deleted_with_the_cluster()
    {
        var cluster = await Quiet.StartAsync();
        var path = cluster.KubeconfigPath;
        Assert.True(File.Exists(path));

        await cluster.DisposeAsync();

        Assert.False(File.Exists(path));
    }
}
