using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Security;
using KubeEmulator.Semantics;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>
/// authentication.k8s.io: the serviceaccounts/token subresource (TokenRequest), and the SelfSubjectReview and
/// TokenReview kinds, which are answered at once and never stored.
/// </summary>
internal sealed class AuthenticationEndpoints(ClusterState cluster, Authenticator authenticator)
{
    public const string Group = "authentication.k8s.io";

    private static readonly ResourceType TokenRequestType =
        new(TokenRequest.Group, TokenRequest.Version, TokenRequest.Kind, "tokenrequests", "tokenrequest", [], true, false);

    /// <summary>POST …/namespaces/NS/serviceaccounts/NAME/token: a signed token for the ServiceAccount.</summary>
    public async Task CreateTokenAsync(HttpContext context, ApiRoute route)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var serviceAccounts = cluster.Registry.Find("", "v1", "serviceaccounts")!;
        var account = cluster.Store.Get(serviceAccounts.StoreKey, route.Namespace, route.Name!)
            ?? throw ApiException.NotFound(serviceAccounts.Type, route.Name!);
        var spec = body["spec"] as JsonObject ?? [];
        var expirationSeconds = spec["expirationSeconds"].Int64() ?? TokenRequest.DefaultExpirationSeconds;
        ValidateExpiration(expirationSeconds);
        IReadOnlyList<string> audiences = spec["audiences"] is JsonArray { Count: > 0 } requested
            ? [.. requested.Select(a => (string?)a ?? "")]
            : [ServiceAccountTokens.Issuer];

        var claims = new ServiceAccountClaims(route.Namespace!, route.Name!, account.Uid() ?? "", audiences, Guid.NewGuid().ToString());
        var issued = cluster.Tokens.Issue(claims, expirationSeconds);
        spec["audiences"] = Strings(audiences);
        spec["expirationSeconds"] = expirationSeconds;
        if (!spec.ContainsKey("boundObjectRef"))
        {
            // The real server's answer names the (absent) bound object: "boundObjectRef": null.
            spec["boundObjectRef"] = null;
        }
        var answer = new JsonObject
        {
            ["kind"] = TokenRequest.Kind,
            ["apiVersion"] = TokenRequest.ApiVersion,
            ["metadata"] = new JsonObject { ["name"] = route.Name, ["namespace"] = route.Namespace, ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
            ["status"] = new JsonObject { ["token"] = issued.Token, ["expirationTimestamp"] = KubeJson.Timestamp(issued.Expires) },
        };
        await Responses.WriteAsync(context, 201, answer);
    }

    /// <summary>POST of a create-only kind of authentication.k8s.io: SelfSubjectReview or TokenReview.</summary>
    public async Task CreateReviewAsync(HttpContext context, ResourceType type)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var answer = new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
        };
        switch (type.Kind)
        {
            case "SelfSubjectReview":
                var user = RequestUser.Of(context);
                answer["status"] = new JsonObject { ["userInfo"] = UserJson(user) };
                break;
            case "TokenReview":
                var spec = body["spec"] as JsonObject ?? [];
                answer["spec"] = spec.DeepClone();
                answer["status"] = ReviewToken(spec);
                break;
            default:
                throw ApiException.MethodNotSupported(type);
        }

        await Responses.WriteAsync(context, 201, answer);
    }

    private JsonObject ReviewToken(JsonObject spec)
    {
        IReadOnlyList<string> audiences = spec["audiences"] is JsonArray { Count: > 0 } requested
            ? [.. requested.Select(a => (string?)a ?? "")]
            : [ServiceAccountTokens.Issuer];
        if ((string?)spec["token"] is not { Length: > 0 } token || authenticator.AuthenticateToken(token, audiences) is not { } authenticated)
        {
            return new JsonObject { ["user"] = new JsonObject(), ["error"] = "invalid bearer token" };
        }

        return new JsonObject
        {
            ["authenticated"] = true,
            ["user"] = UserJson(authenticated.User),
            ["audiences"] = Strings(authenticated.Audiences),
        };
    }

    private static void ValidateExpiration(long seconds)
    {
        var detail = seconds < TokenRequest.MinExpirationSeconds ? "may not specify a duration less than 10 minutes"
            : seconds > TokenRequest.MaxExpirationSeconds ? "may not specify a duration larger than 2^32 seconds"
            : null;
        if (detail is not null)
        {
            throw ApiException.Invalid(TokenRequestType, "", [FieldErrors.Invalid("spec.expirationSeconds", JsonValue.Create(seconds), detail)]);
        }
    }

    /// <summary>authentication.k8s.io/v1 UserInfo: uid and extra left out when empty, as the real server writes them.</summary>
    private static JsonObject UserJson(UserInfo user)
    {
        var json = new JsonObject { ["username"] = user.Name };
        if (!string.IsNullOrEmpty(user.Uid))
        {
            json["uid"] = user.Uid;
        }

        json["groups"] = Strings(user.Groups);
        if (user.Extra.Count > 0)
        {
            var extra = new JsonObject();
            foreach (var (key, values) in user.Extra)
            {
                extra[key] = Strings(values);
            }

            json["extra"] = extra;
        }

        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
