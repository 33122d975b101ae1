using GitOpsOperator.Images.Registry;

namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>The registry client against Debian's distribution 2.8: anonymous, htpasswd and token auth, digests.</summary>
public sealed class RegistryTests : IDisposable
{
    private readonly RegistryClients clients = new();

    public void Dispose() => clients.Dispose();

    [Fact]
    public async Task Tags_of_an_anonymous_registry_are_listed()
    {
        await using var registry = await DistributionRegistry.StartAsync(RegistryAuth.Anonymous);
        using var pusher = new ImagePusher();
        await pusher.PushAsync(registry.Address, "team/app", "1.0.0", "1.1.0");

        var listed = await clients.Tags.ListAsync(RegistryClients.Target($"{registry.Address}/team/app"), 100, CancellationToken.None);

        Assert.Null(listed.Failure);
        Assert.Equal(["1.0.0", "1.1.0"], listed.Value!.Tags.Order());
    }

    [Fact]
    public async Task Htpasswd_registry_lists_with_the_right_password_and_refuses_a_wrong_one()
    {
        await using var registry = await DistributionRegistry.StartAsync(RegistryAuth.Htpasswd);
        using var pusher = new ImagePusher(DistributionRegistry.Username, DistributionRegistry.Password);
        await pusher.PushAsync(registry.Address, "team/app", "2.0.0");

        var right = await clients.Tags.ListAsync(
            RegistryClients.Target($"{registry.Address}/team/app", RegistryCredentials.Basic(DistributionRegistry.Username, DistributionRegistry.Password)),
            100, CancellationToken.None);
        var wrong = await clients.Tags.ListAsync(
            RegistryClients.Target($"{registry.Address}/team/app", RegistryCredentials.Basic(DistributionRegistry.Username, "not-the-password")),
            100, CancellationToken.None);
        var anonymous = await clients.Tags.ListAsync(RegistryClients.Target($"{registry.Address}/team/app"), 100, CancellationToken.None);

        Assert.Equal(["2.0.0"], right.Value!.Tags);
        Assert.Equal(ScanFailureReason.AuthenticationFailed, wrong.Failure!.Reason);
        Assert.DoesNotContain("not-the-password", wrong.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(ScanFailureReason.AuthenticationFailed, anonymous.Failure!.Reason);
    }

    [Fact]
    public async Task Token_registry_lists_and_resolves_digests_with_one_cached_token()
    {
        await using var registry = await DistributionRegistry.StartAsync(RegistryAuth.Token);
        using var pusher = new ImagePusher(DistributionRegistry.Username, DistributionRegistry.Password);
        await pusher.PushAsync(registry.Address, "team/app", "3.0.0", "3.1.0");
        var issuedForPush = registry.TokensIssued;
        var target = RegistryClients.Target($"{registry.Address}/team/app", RegistryCredentials.Basic(DistributionRegistry.Username, DistributionRegistry.Password));

        var listed = await clients.Tags.ListAsync(target, 100, CancellationToken.None);
        var digest = await clients.Digests.ResolveAsync(target, "3.1.0", CancellationToken.None);
        var again = await clients.Tags.ListAsync(target, 100, CancellationToken.None);
        var wrong = await clients.Tags.ListAsync(
            RegistryClients.Target($"{registry.Address}/team/app", RegistryCredentials.Basic(DistributionRegistry.Username, "nope")), 100, CancellationToken.None);

        Assert.Equal(["3.0.0", "3.1.0"], listed.Value!.Tags.Order());
        Assert.Equal(listed.Value.Tags, again.Value!.Tags);
        Assert.StartsWith("sha256:", digest.Value, StringComparison.Ordinal);
        Assert.Equal(1, registry.TokensIssued - issuedForPush);
        Assert.Equal(ScanFailureReason.AuthenticationFailed, wrong.Failure!.Reason);
    }

    [Fact]
    public async Task The_digest_of_a_multi_platform_tag_is_its_index_never_a_platform_manifest()
    {
        await using var registry = await DistributionRegistry.StartAsync(RegistryAuth.Anonymous);
        using var pusher = new ImagePusher();
        var (index, platforms) = await pusher.PushIndexAsync(registry.Address, "team/multi", "1.0.0");

        var digest = await clients.Digests.ResolveAsync(RegistryClients.Target($"{registry.Address}/team/multi"), "1.0.0", CancellationToken.None);

        Assert.Equal(index, digest.Value);
        Assert.DoesNotContain(digest.Value, platforms);
    }

    [Fact]
    public async Task A_missing_tag_or_repository_is_ImageURLInvalid()
    {
        await using var registry = await DistributionRegistry.StartAsync(RegistryAuth.Anonymous);
        using var pusher = new ImagePusher();
        await pusher.PushAsync(registry.Address, "team/app", "1.0.0");

        var listed = await clients.Tags.ListAsync(RegistryClients.Target($"{registry.Address}/no/such"), 100, CancellationToken.None);
        var digest = await clients.Digests.ResolveAsync(RegistryClients.Target($"{registry.Address}/team/app"), "1.1.0", CancellationToken.None);

        Assert.Equal(ScanFailureReason.ImageURLInvalid, listed.Failure!.Reason);
        Assert.Equal($"registry {registry.Address} has no repository no/such (404)", listed.Failure.Message);
        Assert.Equal(ScanFailureReason.ImageURLInvalid, digest.Failure!.Reason);
        Assert.Equal($"registry {registry.Address} has no manifest team/app:1.1.0 (404)", digest.Failure.Message);
    }
}
