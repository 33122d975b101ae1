using KubeEmulator.Registry;

namespace KubeEmulator.Http;

/// <summary>
/// What a request is about, parsed from its path and method like the real server's RequestInfo: a resource request
/// (served type, namespace, name, subresource, verb) or a non-resource path (discovery, openapi, version).
/// </summary>
internal sealed record ApiRoute(
    string Verb,
    string Group,
    string Version,
    string? Plural,
    string? Namespace,
    string? Name,
    string? Subresource,
    ServedType? Served)
{
    /// <summary>The resource as counted and matched by fault rules: "deployments" or "deployments/status".</summary>
    public string CountedResource => Plural is null ? "" : Subresource is null ? Plural : $"{Plural}/{Subresource}";

    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    /// <summary>Parses an /api or /apis path; null for any other path.</summary>
    public static ApiRoute? Parse(string method, string path, bool watchParameter, TypeRegistry registry)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        int rest;
        if (parts.Length >= 2 && parts[0] == "api")
        {
            (group, rest) = ("", 1);
        }
        else if (parts.Length >= 3 && parts[0] == "apis")
        {
            (group, rest) = (parts[1], 2);
        }
        else
        {
            return null;
        }

        var version = parts[rest];
        var segments = parts[(rest + 1)..];
        var watchPath = segments.Length > 0 && segments[0] == "watch";
        if (watchPath)
        {
            segments = segments[1..];
        }

        if (segments.Length == 0)
        {
            return new ApiRoute("get", group, version, null, null, null, null, null);
        }

        string? ns = null;
        if (segments[0] == "namespaces" && segments.Length >= 3 && !NamespaceSubresources.Contains(segments[2]))
        {
            ns = segments[1];
            segments = segments[2..];
        }

        var plural = segments[0];
        var name = segments.Length > 1 ? segments[1] : null;
        var subresource = segments.Length > 2 ? string.Join('/', segments[2..]) : null;
        var verb = VerbOf(method, name is not null, watchPath || watchParameter);
        return new ApiRoute(verb, group, version, plural, ns, name, subresource, registry.Find(group, version, plural));
    }

    private static string VerbOf(string method, bool named, bool watch) => method switch
    {
        "GET" or "HEAD" when watch => "watch",
        "GET" or "HEAD" => named ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ => method.ToLowerInvariant(),
    };
}
