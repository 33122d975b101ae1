using GitOpsOperator.Metrics;

namespace GitOpsOperator.Transient;

/// <summary>
/// Which API requests may be sent again after a failure without changing their effect: reads (not watches: the
/// informer re-establishes those from their resourceVersion), server-side applies (the same apply twice is one apply),
/// JSON merge patches (RFC 7386: a merge patch sets and removes keys, so applying it twice is applying it once; the
/// operator's status writes are such patches), dry-runs (they write nothing), and deletes guarded by preconditions (a
/// second one finds the object gone or changed). Creates, updates (PUT) and other patch types are sent once; so are
/// Lease requests, which leader election retries on its own clock (a retry here would outlast its renew deadline).
/// </summary>
public static class IdempotentRequest
{
    public const string ApplyPatchContentType = "application/apply-patch+yaml";
    public const string MergePatchContentType = "application/merge-patch+json";

    public static bool Is(HttpRequestMessage request, string? body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verb = ApiVerb.Of(request.Method, request.RequestUri);
        return verb switch
        {
            _ when request.RequestUri?.AbsolutePath.StartsWith("/apis/coordination.k8s.io/", StringComparison.Ordinal) == true => false,
            "get" or "list" => true,
            "watch" => false,
            _ when IsDryRun(request.RequestUri) => true,
            "patch" => request.Content?.Headers.ContentType?.MediaType is ApplyPatchContentType or MergePatchContentType,
            "delete" => body?.Contains("\"preconditions\"", StringComparison.Ordinal) == true,
            _ => false,
        };
    }

    private static bool IsDryRun(Uri? uri) =>
        uri is not null && uri.Query.TrimStart('?').Split('&').Any(pair => pair.StartsWith("dryRun=", StringComparison.Ordinal));
}
