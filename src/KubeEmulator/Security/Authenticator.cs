using System.Security.Cryptography.X509Certificates;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Security;

/// <summary>
/// Who a request is from, as the real server's authenticators decide it: a client certificate signed by the
/// cluster's CA (CN the user, O the groups), else a bearer token (the static --token, or a ServiceAccount token),
/// else no credentials: system:anonymous over --tls, the admin over plain HTTP (unless --token is required).
/// Credentials that are offered but not valid are refused with 401, whatever else the request carries.
/// </summary>
internal sealed class Authenticator(ClusterState cluster)
{
    private static readonly IReadOnlyList<string> ServerAudiences = [ServiceAccountTokens.Issuer];
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoExtra = new Dictionary<string, IReadOnlyList<string>>();

    public UserInfo Authenticate(HttpRequest request)
    {
        var certificate = request.HttpContext.Connection.ClientCertificate;
        var trusted = certificate is not null && cluster.Certificates?.Issued(certificate) == true;
        if (trusted && CertificateUser(certificate!) is { } user)
        {
            return user;
        }

        if (BearerToken(request) is { } token)
        {
            return AuthenticateToken(token, ServerAudiences)?.User ?? throw ApiException.Unauthorized();
        }

        if ((certificate is not null && !trusted) || (cluster.Certificates is null && cluster.Options.BearerToken is not null))
        {
            throw ApiException.Unauthorized();
        }

        return cluster.Certificates is null ? UserInfo.Admin : UserInfo.Anonymous;
    }

    /// <summary>
    /// The user a bearer token stands for when presented to one of these audiences, and the audiences it is good for
    /// among them; null when it is not valid (a ServiceAccount token also needs its ServiceAccount, same uid, alive).
    /// </summary>
    public AuthenticatedToken? AuthenticateToken(string token, IReadOnlyList<string> audiences)
    {
        if (cluster.Options.BearerToken is { } adminToken && token == adminToken)
        {
            return new AuthenticatedToken(UserInfo.Admin, audiences);
        }

        if (cluster.Tokens.Read(token) is not { } claims)
        {
            return null;
        }

        var accepted = claims.Audiences.Intersect(audiences, StringComparer.Ordinal).ToList();
        var account = cluster.Store.Get(cluster.Registry.Find("", "v1", "serviceaccounts")!.StoreKey, claims.Namespace, claims.Name);
        var current = account?["metadata"] is { } metadata && (string?)metadata["uid"] == claims.Uid && metadata["deletionTimestamp"] is null;
        return current && accepted.Count > 0 ? new AuthenticatedToken(ServiceAccountUser.From(claims), accepted) : null;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !header[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[(space + 1)..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>CN the user, O the groups; null (not authenticated by it) when the subject has no CN, as the real server.</summary>
    private static UserInfo? CertificateUser(X509Certificate2 certificate)
    {
        string? name = null;
        var groups = new List<string>();
        foreach (var part in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            switch (part.GetSingleElementType().Value)
            {
                case "2.5.4.3":
                    name = part.GetSingleElementValue();
                    break;
                case "2.5.4.10" when part.GetSingleElementValue() is { } organization:
                    groups.Add(organization);
                    break;
            }
        }

        groups.Add(UserInfo.AuthenticatedGroup);
        return string.IsNullOrEmpty(name) ? null : new UserInfo(name, null, groups, NoExtra);
    }
}

/// <summary>Who a valid bearer token stands for, and the audiences it was accepted for.</summary>
internal sealed record AuthenticatedToken(UserInfo User, IReadOnlyList<string> Audiences);
