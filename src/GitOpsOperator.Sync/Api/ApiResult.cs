using System.Net;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Api;

/// <summary>The answer to one API request: its status code (0 when no answer came) and body; Message is the server's Status message.</summary>
public sealed record ApiResult(int StatusCode, JsonObject? Body, string Message)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsNotFound => StatusCode == (int)HttpStatusCode.NotFound;

    /// <summary>The identity the request ran as may not make it (RBAC, or impersonation the operator may not do).</summary>
    public bool IsForbidden => StatusCode == (int)HttpStatusCode.Forbidden;

    /// <summary>
    /// The server refused the request as such (4xx other than throttling): retrying the same request will not help.
    /// A server-side apply whose values do not fit the kind's types is refused too, though a real server answers it
    /// with a 500 ("failed to create typed patch object …").
    /// </summary>
    public bool IsRefusal => StatusCode is >= 400 and < 500 and not 429 and not 408 || IsTypeMismatch;

    /// <summary>The server could not type the applied object: a value of the wrong type, or a field the kind does not declare.</summary>
    public bool IsTypeMismatch => StatusCode == 500 && Message.StartsWith(TypedPatchFailure, StringComparison.Ordinal);

    /// <summary>How a real server's 500 for a server-side apply it cannot type begins.</summary>
    public const string TypedPatchFailure = "failed to create typed patch object";

    /// <summary>True when the server said a field it guards is immutable.</summary>
    public bool IsImmutableChange => StatusCode == 422 && Message.Contains("field is immutable", StringComparison.Ordinal);

    public static ApiResult Unanswered(string message) => new(0, null, message);
}
