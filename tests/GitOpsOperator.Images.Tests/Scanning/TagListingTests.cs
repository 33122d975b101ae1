using GitOpsOperator.Images.Tests.Fronts;

namespace GitOpsOperator.Images.Tests.Scanning;

/// <summary>Tag listing against the registry front (distribution 2.8 ignores n and last, so paging is tested here).</summary>
public sealed class TagListingTests : IAsyncLifetime
{
    private RegistryFront front = null!;
    private readonly RegistryClients clients = new();

    public async Task InitializeAsync() => front = await RegistryFront.StartAsync();

    public async Task DisposeAsync()
    {
        clients.Dispose();
        await front.DisposeAsync();
    }

    [Fact]
    public async Task Every_page_is_followed_through_relative_Link_headers()
    {
        var tags = Enumerable.Range(0, 2500).Select(i => $"1.0.{i}").ToList();
        front.Repositories["team/app"] = tags;

        var listed = await clients.Tags.ListAsync(RegistryClients.Target($"{front.Address}/team/app"), 20_000, CancellationToken.None);

        Assert.Null(listed.Failure);
        Assert.Equal(tags, listed.Value!.Tags);
        Assert.False(listed.Value.Truncated);
        Assert.Equal(3, front.CountOf("GET /v2/team/app/tags/list"));
        Assert.Contains("GET /v2/team/app/tags/list?n=1000&last=1.0.999", front.Requests);
    }

    [Fact]
    public async Task A_listing_stops_at_the_tag_limit_and_says_so()
    {
        front.Repositories["big/app"] = Enumerable.Range(0, 5000).Select(i => $"t{i}").ToList();

        var listed = await clients.Tags.ListAsync(RegistryClients.Target($"{front.Address}/big/app"), 1500, CancellationToken.None);

        Assert.Equal(1500, listed.Value!.Tags.Count);
        Assert.True(listed.Value.Truncated);
        Assert.Equal(2, front.CountOf("GET /v2/big/app/tags/list"));
    }

    [Fact]
    public async Task A_registry_that_ignores_n_sends_one_page_and_the_reader_keeps_no_more_than_the_limit()
    {
        front.HonourPageSize = false;
        front.Repositories["flat/app"] = Enumerable.Range(0, 10_000).Select(i => $"build-{i}").ToList();

        var all = await clients.Tags.ListAsync(RegistryClients.Target($"{front.Address}/flat/app"), 20_000, CancellationToken.None);
        var bounded = await clients.Tags.ListAsync(RegistryClients.Target($"{front.Address}/flat/app"), 100, CancellationToken.None);

        Assert.Equal(10_000, all.Value!.Tags.Count);
        Assert.Equal(1, all.Value.Requests);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"build-{i}"), bounded.Value!.Tags);
        Assert.True(bounded.Value.Truncated);
    }

    [Fact]
    public async Task Bearer_challenge_fetches_one_token_and_reuses_it_until_it_expires()
    {
        front.RequireToken = true;
        front.Repositories["private/app"] = Enumerable.Range(0, 2100).Select(i => $"v{i}").ToList();
        var target = RegistryClients.Target($"{front.Address}/private/app", RegistryCredentials.Basic(RegistryFront.Username, RegistryFront.Password));

        var first = await clients.Tags.ListAsync(target, 20_000, CancellationToken.None);
        var second = await clients.Tags.ListAsync(target, 20_000, CancellationToken.None);

        Assert.Equal(2100, first.Value!.Tags.Count);
        Assert.Equal(2100, second.Value!.Tags.Count);
        Assert.Equal(1, front.CountOf("GET /token"));
    }

    [Fact]
    public async Task A_refused_token_request_is_AuthenticationFailed_without_the_password()
    {
        front.RequireToken = true;
        front.Repositories["private/app"] = ["1.0.0"];
        var target = RegistryClients.Target($"{front.Address}/private/app", RegistryCredentials.Basic(RegistryFront.Username, "wrong-secret-value"));

        var listed = await clients.Tags.ListAsync(target, 100, CancellationToken.None);

        Assert.Equal(ScanFailureReason.AuthenticationFailed, listed.Failure!.Reason);
        Assert.DoesNotContain("wrong-secret-value", listed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_RateLimited_with_its_Retry_After_and_no_request_goes_out_before_it()
    {
        front.Repositories["busy/app"] = ["1.0.0"];
        front.RateLimitFor = TimeSpan.FromSeconds(120);
        var target = RegistryClients.Target($"{front.Address}/busy/app");

        var first = await clients.Tags.ListAsync(target, 100, CancellationToken.None);
        front.RateLimitFor = null;
        var second = await clients.Tags.ListAsync(target, 100, CancellationToken.None);

        Assert.Equal(ScanFailureReason.RateLimited, first.Failure!.Reason);
        Assert.Equal(TimeSpan.FromSeconds(120), first.Failure.RetryAfter);
        Assert.Equal(ScanFailureReason.RateLimited, second.Failure!.Reason);
        Assert.Equal(1, front.CountOf("GET /v2/busy/app/tags/list"));
    }

    [Fact]
    public async Task An_unknown_repository_is_ImageURLInvalid()
    {
        var listed = await clients.Tags.ListAsync(RegistryClients.Target($"{front.Address}/no/such"), 100, CancellationToken.None);

        Assert.Equal(ScanFailureReason.ImageURLInvalid, listed.Failure!.Reason);
    }

    [Fact]
    public async Task An_unreachable_registry_is_RegistryUnavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var listed = await clients.Tags.ListAsync(RegistryClients.Target($"127.0.0.1:{port}/team/app"), 100, CancellationToken.None);

        Assert.Equal(ScanFailureReason.RegistryUnavailable, listed.Failure!.Reason);
        Assert.Contains($"127.0.0.1:{port}", listed.Failure.Message, StringComparison.Ordinal);
    }
}
