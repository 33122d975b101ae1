using System.Net;
using System.Net.Http.Headers;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Images;
using GitOpsOperator.Images.Registry;
using GitOpsOperator.Images.Tests.Registries;
using GitOpsOperator.Tests.Support;
using k8s;

namespace GitOpsOperator.Tests.Images;

/// <summary>
/// ImageRepository and ImagePolicy end to end: the operator against the emulator scanning Debian's docker-registry
/// (htpasswd, a dockerconfigjson Secret), images pushed by skopeo.
/// </summary>
public sealed class ImageAutomationTests(OperatorWithRegistry env) : IClassFixture<OperatorWithRegistry>
{
    [Fact]
    public async Task A_scan_lists_the_registrys_tags_and_kubectl_get_shows_image_tags_latest_and_ready()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/web", "1.0.0", "1.1.0", "2.0.0");

        await env.CreateRepositoryAsync("web", env.Repository("shop/web"));
        await env.CreatePolicyAsync("web", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "web" },
            Policy = new TagPolicy { Semver = new SemverPolicy { Range = "^1.0.0" } },
        });
        var repository = await env.WaitForRepositoryAsync("web", r => OperatorWithRegistry.Ready(r.Status?.Conditions)?.Status == Condition.True, "Ready");
        await env.WaitForPolicyAsync("web", p => p.Status?.LatestRef is not null, "a selection");
        var table = KubectlTable.Parse(await Kubectl.SucceedAsync(env.Cluster.KubeconfigPath, null, "get", "imagerepo,imgpol", "-n", OperatorWithRegistry.Namespace));
        var all = await Kubectl.SucceedAsync(env.Cluster.KubeconfigPath, null, "get", "gitops", "-n", OperatorWithRegistry.Namespace, "-o", "name");

        Assert.Equal($"{env.Registry.Address}/shop/web", repository.Status!.CanonicalImageName);
        Assert.Equal(3, repository.Status.LastScanResult!.TagCount);
        Assert.Equal(["2.0.0", "1.1.0", "1.0.0"], repository.Status.LastScanResult.LatestTags);
        Assert.Equal(["NAME", "IMAGE", "TAGS", "READY", "STATUS", "AGE"], table.Columns);
        var row = table.Row("imagerepository.gitops.operator.io/web");
        Assert.Equal(($"{env.Registry.Address}/shop/web", "3", "True", "3 tags found"), (row["IMAGE"], row["TAGS"], row["READY"], row["STATUS"]));
        Assert.Contains("imagepolicy.gitops.operator.io/web", all, StringComparison.Ordinal);
        Assert.Contains("imagerepository.gitops.operator.io/web", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_get_imgpol_shows_the_latest_tag_ready_and_status()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/cart", "0.9.0", "1.2.0");
        await env.CreateRepositoryAsync("cart", env.Repository("shop/cart"));
        await env.CreatePolicyAsync("cart", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "cart" },
            Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=1.0.0" } },
        });
        await env.WaitForPolicyAsync("cart", p => OperatorWithRegistry.Ready(p.Status?.Conditions)?.Status == Condition.True, "Ready");

        var table = KubectlTable.Parse(await Kubectl.SucceedAsync(env.Cluster.KubeconfigPath, null, "get", "imgpol", "cart", "-n", OperatorWithRegistry.Namespace));

        Assert.Equal(["NAME", "LATEST", "READY", "STATUS", "AGE"], table.Columns);
        Assert.Equal(("1.2.0", "True", $"selected {env.Registry.Address}/shop/cart:1.2.0"), (table.Row("cart")["LATEST"], table.Row("cart")["READY"], table.Row("cart")["STATUS"]));
    }

    [Fact]
    public async Task A_semver_policy_selects_the_highest_tag_in_range_with_its_digest_and_records_an_event()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/api", "1.0.0", "1.4.2", "1.5.0-rc.1", "2.0.0", "latest");
        await env.CreateRepositoryAsync("api", env.Repository("shop/api"));

        await env.CreatePolicyAsync("api", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "api" },
            Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=1.0.0 <2.0.0" } },
        });
        var policy = await env.WaitForPolicyAsync("api", p => OperatorWithRegistry.Ready(p.Status?.Conditions)?.Status == Condition.True, "Ready");

        var expected = await DigestOfAsync("shop/api", "1.4.2");
        Assert.Equal(new ImageRef { Image = $"{env.Registry.Address}/shop/api", Tag = "1.4.2", Digest = expected }, policy.Status!.LatestRef);
        var events = await env.EventsAsync(GitOpsApi.ImagePolicyKind, "api");
        Assert.Contains(events, e => e.Reason == "NewLatestTag" && e.Message.Contains("1.4.2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_registry_webhook_with_the_right_Bearer_token_scans_now_and_the_policy_moves_on()
    {
        const string token = "registry-hook-token";
        await env.CreateSecretAsync("registry-hook", new Dictionary<string, string> { ["token"] = token });
        await env.Pusher.PushAsync(env.Registry.Address, "shop/pay", "3.0.0");
        await env.CreateRepositoryAsync("pay", env.Repository("shop/pay") with { WebhookSecretRef = new NamedReference { Name = "registry-hook" } });
        await env.CreatePolicyAsync("pay", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "pay" },
            Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=3.0.0" } },
        });
        await env.WaitForPolicyAsync("pay", p => p.Status?.LatestRef?.Tag == "3.0.0", "3.0.0 selected");
        await env.Pusher.PushAsync(env.Registry.Address, "shop/pay", "3.1.0");

        var refused = await PostHookAsync("pay", "not-the-token");
        var accepted = await PostHookAsync("pay", token);
        var policy = await env.WaitForPolicyAsync("pay", p => p.Status?.LatestRef?.Tag == "3.1.0", "3.1.0 selected after the webhook");

        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.Equal("3.0.0", policy.Status!.PreviousRef!.Tag);
        var repository = await env.WaitForRepositoryAsync("pay", r => r.Status?.LastScanResult?.TagCount == 2, "2 tags");
        Assert.NotNull(repository.Status!.LastHandledReconcileAt);
    }

    [Fact]
    public async Task Bad_inputs_each_show_their_reason_and_nothing_crashes()
    {
        const string wrongPassword = "wrong-registry-password";
        await env.Pusher.PushAsync(env.Registry.Address, "shop/bad", "1.0.0");
        await env.CreateSecretAsync("wrong-cred", new Dictionary<string, string> { ["username"] = DistributionRegistry.Username, ["password"] = wrongPassword });
        await env.CreateRepositoryAsync("wrong-cred", env.Repository("shop/bad") with { SecretRef = new NamedReference { Name = "wrong-cred" } });
        await env.CreateRepositoryAsync("not-an-image", env.Repository("shop/bad") with { Image = "Not An/Image:tag" });
        await env.CreateRepositoryAsync("unreachable", env.Repository("shop/bad") with { Image = $"127.0.0.1:{FreePortForTests()}/shop/bad", SecretRef = null });
        await env.CreateRepositoryAsync("bad-source", env.Repository("shop/bad"));
        await env.CreatePolicyAsync("bad-range", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "bad-source" },
            Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=1.0.0 <<2" } },
        });
        await env.CreatePolicyAsync("no-match", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "bad-source" },
            Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=9.0.0" } },
        });
        await env.CreatePolicyAsync("no-repository", new ImagePolicySpec
        {
            ImageRepositoryRef = new NamedReference { Name = "missing" },
            Policy = new TagPolicy { Alphabetical = new OrderPolicy { Order = "asc" } },
        });

        var wrong = await ReasonOfRepositoryAsync("wrong-cred");
        var invalid = await ReasonOfRepositoryAsync("not-an-image");
        var unreachable = await ReasonOfRepositoryAsync("unreachable");
        var badRange = await ReasonOfPolicyAsync("bad-range", afterItsRepository: true);
        var noMatch = await ReasonOfPolicyAsync("no-match", afterItsRepository: true);
        var noRepository = await ReasonOfPolicyAsync("no-repository", afterItsRepository: false);

        Assert.Equal(nameof(ScanFailureReason.AuthenticationFailed), wrong.Reason);
        Assert.Equal((nameof(ScanFailureReason.ImageURLInvalid), true), (invalid.Reason, invalid.Stalled));
        Assert.Equal(nameof(ScanFailureReason.RegistryUnavailable), unreachable.Reason);
        Assert.Equal(("InvalidPolicy", true), (badRange.Reason, badRange.Stalled));
        Assert.Equal(("NoMatchingTag", false), (noMatch.Reason, noMatch.Stalled));
        Assert.Equal(Reasons.DependencyNotReady, noRepository.Reason);
        var shown = KubernetesJson.Serialize(await env.WaitForRepositoryAsync("wrong-cred", _ => true, "read"))
            + string.Join('\n', (await env.EventsAsync(GitOpsApi.ImageRepositoryKind, "wrong-cred")).Select(e => e.Message));
        Assert.DoesNotContain(wrongPassword, shown, StringComparison.Ordinal);
    }

    private async Task<(string? Reason, bool Stalled)> ReasonOfRepositoryAsync(string name)
    {
        var repository = await env.WaitForRepositoryAsync(name, r => OperatorWithRegistry.Ready(r.Status?.Conditions)?.Status == Condition.False, "Ready=False");
        return (OperatorWithRegistry.Ready(repository.Status!.Conditions)!.Reason, repository.Status.Conditions.IsTrue(ConditionTypes.Stalled));
    }

    /// <summary>
    /// The policy's first Ready=False; <paramref name="afterItsRepository"/> skips the DependencyNotReady it may show
    /// while its ImageRepository has not been scanned yet, to read the policy's own verdict.
    /// </summary>
    private async Task<(string? Reason, bool Stalled)> ReasonOfPolicyAsync(string name, bool afterItsRepository)
    {
        var policy = await env.WaitForPolicyAsync(
            name,
            p => OperatorWithRegistry.Ready(p.Status?.Conditions) is { Status: Condition.False } ready
                && !(afterItsRepository && ready.Reason == Reasons.DependencyNotReady),
            afterItsRepository ? "Ready=False for a reason of its own" : "Ready=False");
        return (OperatorWithRegistry.Ready(policy.Status!.Conditions)!.Reason, policy.Status.Conditions.IsTrue(ConditionTypes.Stalled));
    }

    private async Task<HttpStatusCode> PostHookAsync(string name, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(env.HttpAddress, $"/hooks/imagerepositories/{OperatorWithRegistry.Namespace}/{name}"))
        {
            Content = new StringContent("""{"events":[{"action":"push"}]}"""),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> DigestOfAsync(string path, string tag)
    {
        using var handler = new SocketsHttpHandler();
        var digests = new DigestResolver(new RegistryHttp(handler, TimeProvider.System));
        var target = new RegistryTarget(
            ImageReference.TryParse($"{env.Registry.Address}/{path}", out _)!,
            RegistryCredentials.Basic(DistributionRegistry.Username, DistributionRegistry.Password), true, TimeSpan.FromSeconds(10));
        return (await digests.ResolveAsync(target, tag, CancellationToken.None)).Value!;
    }

    private static int FreePortForTests()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
