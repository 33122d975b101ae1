namespace GitOpsOperator.Metrics;

/// <summary>
/// The Kubernetes verb of a request, from its method and URL the way the API server names it: a GET of a
/// collection is a list, with watch=true (or under /watch/) a watch; a DELETE of a collection a deletecollection.
/// </summary>
public static class ApiVerb
{
    public static string Of(HttpMethod method, Uri? uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        var collection = uri is not null && IsCollection(uri.AbsolutePath);
        return method.Method switch
        {
            "GET" when uri is not null && IsWatch(uri) => "watch",
            "GET" => collection ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => collection ? "deletecollection" : "delete",
            _ => method.Method.ToLowerInvariant(),
        };
    }

    private static bool IsWatch(Uri uri) =>
        uri.AbsolutePath.Contains("/watch/", StringComparison.Ordinal)
        || uri.Query.TrimStart('?').Split('&').Any(pair => pair.Equals("watch=true", StringComparison.OrdinalIgnoreCase) || pair == "watch=1");

    /// <summary>Whether the path names a collection: /api/v1/pods, /apis/g/v/namespaces/ns/things (not one object, not discovery).</summary>
    private static bool IsCollection(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments switch
        {
            ["api", _, .. var rest] => rest,
            ["apis", _, _, .. var rest] => rest,
            _ => [],
        };
        if (resource is ["namespaces", _, _, ..])
        {
            resource = resource[2..];
        }

        return resource.Length == 1;
    }
}
