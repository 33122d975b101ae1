using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeEmulator.Json;

namespace KubeEmulator.Security;

/// <summary>
/// Issues and reads ServiceAccount tokens as the real server's TokenRequest API does: RS256 JWTs signed by a key
/// the emulator creates (on first use), with iss, aud, exp, iat, nbf, jti, sub and the kubernetes.io claims.
/// Reading checks the signature, the issuer and the validity period; whether the ServiceAccount still exists and
/// the audience is accepted is for the caller, who knows the cluster.
/// </summary>
internal sealed class ServiceAccountTokens(TimeProvider clock) : IDisposable
{
    /// <summary>The real server's default issuer, which is also its default (and only accepted) audience.</summary>
    public const string Issuer = "https://kubernetes.default.svc.cluster.local";

    private readonly Lazy<RSA> key = new(() => RSA.Create(2048));

    public IssuedToken Issue(ServiceAccountClaims claims, long expirationSeconds)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddSeconds(expirationSeconds);
        var issuedAt = now.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId() };
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray([.. claims.Audiences.Select(a => (JsonNode?)a)]),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = issuedAt,
            ["iss"] = Issuer,
            ["jti"] = claims.TokenId,
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = claims.Namespace,
                ["serviceaccount"] = new JsonObject { ["name"] = claims.Name, ["uid"] = claims.Uid },
            },
            ["nbf"] = issuedAt,
            ["sub"] = ServiceAccountUser.Name(claims.Namespace, claims.Name),
        };
        var signedPart = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.Value.SignData(Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new IssuedToken($"{signedPart}.{Base64Url.EncodeToString(signature)}", expires);
    }

    /// <summary>The claims of a token this emulator signed and that is valid now; null for anything else.</summary>
    public ServiceAccountClaims? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !key.IsValueCreated)
        {
            return null;
        }

        try
        {
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            if (!key.Value.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return null;
            }

            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is not JsonObject payload
                || (string?)payload["iss"] != Issuer
                || !(payload["nbf"].Int64() <= now && now < payload["exp"].Int64()))
            {
                return null;
            }

            var ns = (string?)payload["kubernetes.io"]?["namespace"];
            var name = (string?)payload["kubernetes.io"]?["serviceaccount"]?["name"];
            var uid = (string?)payload["kubernetes.io"]?["serviceaccount"]?["uid"];
            var tokenId = (string?)payload["jti"];
            return payload["aud"] is JsonArray audiences && ns is not null && name is not null && uid is not null && tokenId is not null
                ? new ServiceAccountClaims(ns, name, uid, [.. audiences.Select(a => (string?)a ?? "")], tokenId)
                : null;
        }
        catch (Exception error) when (error is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (key.IsValueCreated)
        {
            key.Value.Dispose();
        }
    }

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));

    /// <summary>As the real server: the base64url SHA-256 of the public key's PKIX (DER) form.</summary>
    private string KeyId() => Base64Url.EncodeToString(SHA256.HashData(key.Value.ExportSubjectPublicKeyInfo()));
}

/// <summary>What a ServiceAccount token says: whose it is, for which audiences, and its id (jti).</summary>
internal sealed record ServiceAccountClaims(string Namespace, string Name, string Uid, IReadOnlyList<string> Audiences, string TokenId);

/// <summary>A signed token and when it expires.</summary>
internal sealed record IssuedToken(string Token, DateTimeOffset Expires);
