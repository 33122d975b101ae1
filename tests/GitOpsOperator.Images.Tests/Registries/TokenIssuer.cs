using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>
/// The token service of distribution's "auth: token" on 127.0.0.1: GET /token?service=…&amp;scope=… with Basic credentials
/// answers a JWT (RS256, the signing certificate in x5c) granting the scopes asked for; wrong or no credentials, 401.
/// The registry trusts <see cref="CertificatePem"/> through its rootcertbundle.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    public const string Service = "test-registry";
    public const string Issuer = "test-token-issuer";

    private readonly WebApplication app;
    private readonly RSA key;
    private readonly X509Certificate2 certificate;
    private readonly string username;
    private readonly string password;
    private int issued;

    private TokenIssuer(WebApplication app, RSA key, X509Certificate2 certificate, string username, string password, string realm)
    {
        this.app = app;
        this.key = key;
        this.certificate = certificate;
        this.username = username;
        this.password = password;
        Realm = realm;
    }

    public string Realm { get; }

    public string CertificatePem => certificate.ExportCertificatePem();

    public int Issued => Volatile.Read(ref issued);

    public static async Task<TokenIssuer> StartAsync(string username, string password)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=test-token-issuer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        TokenIssuer? issuer = null;
        var (app, port) = await LoopbackWebServer.StartAsync(context => issuer!.HandleAsync(context));
        issuer = new TokenIssuer(app, key, certificate, username, password, $"http://127.0.0.1:{port}/token");
        return issuer;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
        key.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        if (context.Request.Path != "/token" || context.Request.Headers.Authorization.ToString() != expected)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interlocked.Increment(ref issued);
        var access = context.Request.Query["scope"]
            .SelectMany(scope => (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(scope => scope.Split(':'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new { type = parts[0], name = parts[1], actions = parts[2].Split(',') })
            .ToList();
        var token = Sign(access);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { token, access_token = token, expires_in = 300 }));
    }

    private string Sign(object access)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { typ = "JWT", alg = "RS256", x5c = new[] { Convert.ToBase64String(certificate.RawData) } };
        var claims = new
        {
            iss = Issuer,
            sub = username,
            aud = Service,
            exp = now + 300,
            nbf = now - 10,
            iat = now,
            jti = Guid.NewGuid().ToString("N"),
            access,
        };
        var signingInput = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
