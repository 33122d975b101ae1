using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;
using KubeEmulator.Tests.Core;

namespace KubeEmulator.Tests.Authentication;

/// <summary>Authentication as a client sees it: certificates the cluster did not sign, token expiry, tokens over plain HTTP.</summary>
public sealed class TlsAuthenticationTests(TlsClusterFixture fixture) : IClassFixture<TlsClusterFixture>
{
    [Fact]
    public async Task Client_certificate_from_another_CA_is_unauthorized_even_for_system_masters()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes-admin, O=system:masters", key, HashAlgorithmName.SHA256);
        using var forged = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = TrustClusterAuthority };
        handler.ClientCertificates.Add(forged);
        using var http = new HttpClient(handler);

        using var response = await http.GetAsync($"{fixture.Cluster.Url}/api/v1/namespaces");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"message\":\"Unauthorized\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Service_account_token_over_plain_http_is_that_service_account_while_no_credentials_stay_admin()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "builder" } }, "default");
        var issued = await cluster.Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, "builder", "default");

        var asBuilder = await cluster.CreateClientAs(issued.Status.Token).AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
        var withoutCredentials = await cluster.CreateClientAs(null).AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());

        Assert.StartsWith("http://", cluster.Url);
        Assert.Equal(["https://kubernetes.default.svc.cluster.local"], issued.Spec.Audiences);
        Assert.Equal(3600, issued.Spec.ExpirationSeconds);
        Assert.Equal("system:serviceaccount:default:builder", asBuilder.Status.UserInfo.Username);
        Assert.Equal("kubernetes-admin", withoutCredentials.Status.UserInfo.Username);
    }

    /// <summary>Over --tls: kubectl sends no credentials at all to an http:// server.</summary>
    [Fact]
    public async Task Token_is_refused_by_kubectl_once_its_expiration_has_passed()
    {
        var clock = new MovableClock();
        await using var cluster = await EmulatedCluster.StartAsync(Quiet.Options with { Tls = true, Clock = clock });
        var kubectl = new KubectlRunner(cluster.KubeconfigPath);
        await kubectl.RunAsync("create", "serviceaccount", "nightly");
        var token = (await kubectl.RunAsync("create", "token", "nightly", "--duration=10m")).Stdout.Trim();
        var asNightly = new KubectlRunner(cluster.WriteKubeconfig("nightly", token));

        var fresh = await asNightly.RunAsync("auth", "whoami");
        clock.Advance(TimeSpan.FromMinutes(10));
        var expired = await asNightly.RunAsync("auth", "whoami");

        Assert.True(fresh.Succeeded, fresh.ToString());
        Assert.Contains("system:serviceaccount:default:nightly", fresh.Stdout);
        Assert.Contains("error: You must be logged in to the server (Unauthorized)", expired.Stderr);
    }

    private bool TrustClusterAuthority(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, System.Net.Security.SslPolicyErrors errors)
    {
        using var trusted = new X509Chain();
        trusted.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        trusted.ChainPolicy.CustomTrustStore.Add(fixture.Cluster.CertificateAuthority!);
        trusted.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return certificate is not null && trusted.Build(certificate);
    }
}
