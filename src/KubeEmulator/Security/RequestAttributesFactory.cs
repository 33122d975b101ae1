using KubeEmulator.Http;
using KubeEmulator.Selection;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Security;

/// <summary>The attributes of an HTTP request, resolved as the real server's RequestInfo resolver does.</summary>
internal static class RequestAttributesFactory
{
    /// <summary>
    /// A resource request when the route names a resource; otherwise a non-resource request whose verb is the
    /// lower-cased HTTP method. A list or watch whose field selector pins metadata.name is about that name, and a
    /// request on a namespace object is in that namespace.
    /// </summary>
    public static RequestAttributes From(UserInfo user, HttpRequest request, string path, ApiRoute? route)
    {
        if (route?.Plural is null)
        {
            return RequestAttributes.NonResource(user, request.Method.ToLowerInvariant(), path);
        }

        var name = route.Name ?? (route.Verb is "list" or "watch" ? NameFromFieldSelector(request) : null);
        var ns = route.Namespace ?? (route.Group.Length == 0 && route.Plural == "namespaces" ? route.Name : null);
        return new RequestAttributes(user, route.Verb, true, path, route.Group, route.Version, route.Plural,
            route.Subresource ?? "", ns ?? "", name ?? "");
    }

    private static string? NameFromFieldSelector(HttpRequest request) =>
        FieldSelector.Parse(QueryOptions.Get(request, "fieldSelector")).ExactValue("metadata.name") is { } name && IsValidPathSegment(name)
            ? name
            : null;

    private static bool IsValidPathSegment(string name) =>
        name is not ("" or "." or "..") && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('%', StringComparison.Ordinal);
}
