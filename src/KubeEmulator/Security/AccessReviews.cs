using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Http;
using KubeEmulator.Json;
using KubeEmulator.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Security;

/// <summary>
/// authorization.k8s.io/v1: the access reviews (may USER do VERB on RESOURCE?) and the rules review (what may I do
/// in NAMESPACE?) that <c>kubectl auth can-i</c> asks. They are created, answered and never stored.
/// </summary>
internal sealed class AccessReviews(Authorizer authorizer)
{
    public const string Group = "authorization.k8s.io";

    public async Task CreateAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var review = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var spec = review["spec"] as JsonObject ?? [];
        review["apiVersion"] = served.Type.ApiVersion;
        review["kind"] = served.Type.Kind;
        var metadata = review["metadata"] as JsonObject ?? [];
        metadata["creationTimestamp"] = null;
        if (route.Namespace is not null)
        {
            metadata["namespace"] = route.Namespace;
        }

        review["metadata"] = metadata;
        review["spec"] = spec;
        review["status"] = served.Type.Kind == "SelfSubjectRulesReview"
            ? RulesReview.Status(authorizer.Rules, RequestUser.Of(context), spec.StringAt("namespace") ?? "")
            : AccessStatus(Attributes(served.Type, spec, Subject(served.Type, spec, RequestUser.Of(context)), route.Namespace));
        await Responses.WriteAsync(context, 201, review);
    }

    private JsonObject AccessStatus(RequestAttributes attributes)
    {
        var decision = authorizer.Authorize(attributes);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0)
        {
            status["reason"] = decision.Reason;
        }

        return status;
    }

    /// <summary>Self reviews ask about the requester; the others about spec.user, spec.groups, spec.uid and spec.extra.</summary>
    private static UserInfo Subject(ResourceType type, JsonObject spec, UserInfo requester)
    {
        if (type.Kind == "SelfSubjectAccessReview")
        {
            return requester;
        }

        var user = spec.StringAt("user") ?? "";
        var groups = spec["groups"] is JsonArray g ? g.Select(v => v.ScalarText() ?? "").ToList() : [];
        if (user.Length == 0 && groups.Count == 0)
        {
            throw ApiException.Invalid(type, "", [new StatusCause("FieldValueInvalid", "Invalid value: \"\": at least one of user or group must be specified", "spec.user")]);
        }

        var extra = spec["extra"] is JsonObject e
            ? e.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. (p.Value as JsonArray ?? []).Select(v => v.ScalarText() ?? "")])
            : new Dictionary<string, IReadOnlyList<string>>();
        return new UserInfo(user, spec.StringAt("uid"), groups, extra);
    }

    private static RequestAttributes Attributes(ResourceType type, JsonObject spec, UserInfo user, string? urlNamespace)
    {
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            var ns = urlNamespace ?? resource.StringAt("namespace") ?? "";
            return new RequestAttributes(user, resource.StringAt("verb") ?? "", true, "", resource.StringAt("group") ?? "", resource.StringAt("version") ?? "",
                resource.StringAt("resource") ?? "", resource.StringAt("subresource") ?? "", ns, resource.StringAt("name") ?? "");
        }

        if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            return RequestAttributes.NonResource(user, nonResource.StringAt("verb") ?? "", nonResource.StringAt("path") ?? "");
        }

        throw ApiException.Invalid(type, "", [new StatusCause("FieldValueRequired",
            "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes")]);
    }
}
