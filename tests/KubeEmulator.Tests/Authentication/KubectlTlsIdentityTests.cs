using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Tests.Authentication;

/// <summary>The real kubectl against an emulator serving --tls: who the generated kubeconfig, tokens and no credentials are.</summary>
public sealed class KubectlTlsIdentityTests(TlsClusterFixture fixture) : IClassFixture<TlsClusterFixture>
{
    private const string LoggedOut = "error: You must be logged in to the server (Unauthorized)";

    [Fact]
    public async Task Generated_kubeconfig_reaches_the_https_server_as_kubernetes_admin()
    {
        var namespaces = await fixture.Admin.RunAsync("get", "namespaces", "-o", "name");
        var whoami = await fixture.Admin.RunAsync("auth", "whoami");

        Assert.StartsWith("https://127.0.0.1:", fixture.Cluster.Url);
        Assert.True(namespaces.Succeeded, namespaces.ToString());
        Assert.Contains("namespace/default", namespaces.Stdout);
        Assert.True(whoami.Succeeded, whoami.ToString());
        Assert.Equal(["ATTRIBUTE   VALUE", "Username    kubernetes-admin", "Groups      [system:masters system:authenticated]"], Lines(whoami.Stdout));
    }

    [Fact]
    public async Task Token_from_create_token_authenticates_as_its_service_account()
    {
        var token = await fixture.CreateTokenAsync("deployer");
        var uid = (await fixture.Cluster.Client.CoreV1.ReadNamespacedServiceAccountAsync("deployer", "default")).Metadata.Uid;

        var whoami = await new KubectlRunner(fixture.Cluster.WriteKubeconfig("deployer", token)).RunAsync("auth", "whoami", "-o", "json");

        Assert.True(whoami.Succeeded, whoami.ToString());
        var user = JsonNode.Parse(whoami.Stdout)!["status"]!["userInfo"]!;
        Assert.Equal("system:serviceaccount:default:deployer", (string?)user["username"]);
        Assert.Equal(uid, (string?)user["uid"]);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"], user["groups"]!.AsArray().Select(g => (string?)g));
    }

    [Fact]
    public async Task Token_flag_with_a_garbage_token_is_told_to_log_in()
    {
        var result = await fixture.WithoutUser.RunAsync("--token", "not-a-token", "get", "namespaces");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(LoggedOut, result.Stderr);
    }

    [Fact]
    public async Task Token_shorter_than_ten_minutes_is_refused()
    {
        await fixture.Admin.RunAsync("create", "serviceaccount", "brief");

        var result = await fixture.Admin.RunAsync("create", "token", "brief", "--duration=5m");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error: failed to create token: TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes",
            result.Stderr);
    }

    [Fact]
    public async Task Token_expires_after_the_duration_asked_for()
    {
        var before = DateTimeOffset.UtcNow;
        await fixture.Admin.RunAsync("create", "serviceaccount", "timed");

        var result = await fixture.Admin.RunAsync("create", "token", "timed", "--duration=15m", "-o", "json");

        Assert.True(result.Succeeded, result.ToString());
        var expires = DateTimeOffset.Parse((string)JsonNode.Parse(result.Stdout)!["status"]!["expirationTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - before, TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task Token_is_refused_once_its_service_account_is_deleted_even_if_recreated()
    {
        var token = await fixture.CreateTokenAsync("short-lived");
        var before = await fixture.WithoutUser.RunAsync("--token", token, "auth", "whoami");

        await fixture.Admin.RunAsync("delete", "serviceaccount", "short-lived");
        var deleted = await fixture.WithoutUser.RunAsync("--token", token, "auth", "whoami");
        await fixture.Admin.RunAsync("create", "serviceaccount", "short-lived");
        var recreated = await fixture.WithoutUser.RunAsync("--token", token, "auth", "whoami");

        Assert.True(before.Succeeded, before.ToString());
        Assert.Contains(LoggedOut, deleted.Stderr);
        Assert.Contains(LoggedOut, recreated.Stderr);
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused_by_the_server_and_accepted_by_a_review_for_that_audience()
    {
        const string vault = "https://vault.example.com";
        var token = await fixture.CreateTokenAsync("vault-reader", "--audience", vault);

        var whoami = await fixture.WithoutUser.RunAsync("--token", token, "auth", "whoami");
        var forVault = await fixture.Cluster.Client.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token, Audiences = [vault] } });
        var forServer = await fixture.Cluster.Client.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } });

        Assert.Contains(LoggedOut, whoami.Stderr);
        Assert.True(forVault.Status.Authenticated);
        Assert.Equal("system:serviceaccount:default:vault-reader", forVault.Status.User.Username);
        Assert.Equal([vault], forVault.Status.Audiences);
        Assert.NotEqual(true, forServer.Status.Authenticated);
    }

    [Fact]
    public async Task Kubeconfig_with_no_user_is_system_anonymous()
    {
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Cluster.WriteKubeconfig("anonymous", null));
        using var client = new Kubernetes(configuration);

        // Anonymous users may not even ask who they are (system:basic-user is bound to system:authenticated only):
        // the refusal names the user the request was taken for.
        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview()));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Contains("User \"system:anonymous\" cannot create resource \"selfsubjectreviews\"", (string?)JsonNode.Parse(refused.Response.Content)?["message"], StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
