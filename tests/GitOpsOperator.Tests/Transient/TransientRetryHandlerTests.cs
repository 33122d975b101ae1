using System.Net;
using System.Text;
using GitOpsOperator.Metrics;
using GitOpsOperator.Tests.Metrics;
using GitOpsOperator.Transient;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.Transient;

public sealed class TransientRetryHandlerTests
{
    private const string ConfigMap = "http://127.0.0.1:6443/api/v1/namespaces/team/configmaps/settings";
    private static readonly string Apply = ConfigMap + "?fieldManager=gitops-operator&force=true";

    private readonly OperatorMetrics metrics = new();
    private readonly InstantDelays clock = new();

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        var server = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)));

        using var response = await SendAsync(server, new HttpRequestMessage(HttpMethod.Get, ConfigMap));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Received.Count);
        Assert.True(clock.Requested.Single() >= TimeSpan.FromSeconds(3), $"waited {clock.Requested.Single()}");
        Assert.Equal<double?>(1, (await Scrape.FromAsync(metrics.Registry)).Value("gitops_api_retries_total", ("code", "429")));
    }

    [Fact]
    public async Task A_server_side_apply_is_sent_again_with_the_same_body_after_5xx_and_a_reset()
    {
        var server = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable), ScriptedServer.ConnectionReset, ScriptedServer.Status(HttpStatusCode.InternalServerError));
        const string body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}";

        using var response = await SendAsync(server, WithBody(HttpMethod.Patch, Apply, body, IdempotentRequest.ApplyPatchContentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Enumerable.Repeat(body, 4), server.Received.Select(r => r.Body));
        var scrape = await Scrape.FromAsync(metrics.Registry);
        Assert.All(["503", "reset", "500"], code => Assert.Equal<double?>(1, scrape.Value("gitops_api_retries_total", ("code", code))));
    }

    [Fact]
    public async Task A_server_side_apply_the_server_cannot_type_is_not_retried_though_it_is_a_500()
    {
        var server = new ScriptedServer(ScriptedServer.Status(
            HttpStatusCode.InternalServerError,
            "failed to create typed patch object (shop/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string"));

        using var response = await SendAsync(server, WithBody(HttpMethod.Patch, Apply, "{\"spec\":{\"replicas\":\"lots\"}}", IdempotentRequest.ApplyPatchContentType));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("expected numeric", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_create_is_not_retried_since_the_first_may_have_happened()
    {
        var server = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await SendAsync(server, WithBody(HttpMethod.Post, "http://127.0.0.1:6443/api/v1/namespaces/team/events", "{}", "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Retries_stop_after_the_policy_attempts_and_the_last_answer_is_returned()
    {
        var server = new ScriptedServer([.. Enumerable.Repeat(ScriptedServer.Status(HttpStatusCode.BadGateway), 20)]);

        using var response = await SendAsync(server, new HttpRequestMessage(HttpMethod.Get, ConfigMap));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(RetryPolicy.Default.MaxAttempts, server.Received.Count);
        Assert.All(clock.Requested, delay => Assert.InRange(delay, TimeSpan.Zero, RetryPolicy.Default.Backoff.Max));
    }

    [Fact]
    public async Task A_connection_reset_on_every_attempt_surfaces_as_the_error()
    {
        var server = new ScriptedServer([.. Enumerable.Repeat(ScriptedServer.ConnectionReset, 20)]);

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(server, new HttpRequestMessage(HttpMethod.Get, ConfigMap)));

        Assert.Equal(RetryPolicy.Default.MaxAttempts, server.Received.Count);
    }

    [Fact]
    public async Task A_merge_patch_is_retried_and_a_json_patch_is_not()
    {
        var merge = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));
        var json = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));

        using var merged = await SendAsync(merge, WithBody(HttpMethod.Patch, ConfigMap, "{\"data\":{\"a\":\"1\"}}", IdempotentRequest.MergePatchContentType));
        using var patched = await SendAsync(json, WithBody(HttpMethod.Patch, ConfigMap, "[{\"op\":\"add\",\"path\":\"/data/a\",\"value\":\"1\"}]", "application/json-patch+json"));

        Assert.Equal((HttpStatusCode.OK, 2), (merged.StatusCode, merge.Received.Count));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, 1), (patched.StatusCode, json.Received.Count));
    }

    [Fact]
    public async Task A_delete_is_retried_only_with_preconditions()
    {
        var plain = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));
        var guarded = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));

        using var unguarded = await SendAsync(plain, new HttpRequestMessage(HttpMethod.Delete, ConfigMap));
        using var preconditioned = await SendAsync(guarded, WithBody(HttpMethod.Delete, ConfigMap, "{\"preconditions\":{\"uid\":\"u-1\"}}", "application/json"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 1), (unguarded.StatusCode, plain.Received.Count));
        Assert.Equal((HttpStatusCode.OK, 2), (preconditioned.StatusCode, guarded.Received.Count));
    }

    [Fact]
    public async Task A_lease_read_is_left_to_leader_election()
    {
        var server = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await SendAsync(server, new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:6443/apis/coordination.k8s.io/v1/namespaces/team/leases/leader"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_watch_is_left_to_the_informer()
    {
        var server = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await SendAsync(server, new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:6443/api/v1/configmaps?watch=true&resourceVersion=7"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_between_attempts()
    {
        var server = new ScriptedServer(ScriptedServer.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30)));
        using var handler = new TransientRetryHandler(RetryPolicy.Default, metrics, NullLogger<TransientRetryHandler>.Instance, TimeProvider.System) { InnerHandler = server };
        using var client = new HttpClient(handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(new Uri(ConfigMap), cancel.Token));

        Assert.Single(server.Received);
    }

    private static HttpRequestMessage WithBody(HttpMethod method, string uri, string body, string contentType) =>
        new(method, uri) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    private async Task<HttpResponseMessage> SendAsync(ScriptedServer server, HttpRequestMessage request)
    {
        using var handler = new TransientRetryHandler(RetryPolicy.Default, metrics, NullLogger<TransientRetryHandler>.Instance, clock) { InnerHandler = server };
        using var client = new HttpClient(handler);
        using (request)
        {
            return await client.SendAsync(request);
        }
    }
}
