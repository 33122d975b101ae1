using System.Net;
using System.Net.Sockets;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Transient;

/// <summary>
/// Whether an answer (or the lack of one) is worth another try: 429 Too Many Requests (API Priority and Fairness),
/// 500/502/503/504 (a control plane restarting), or a connection reset before the answer came. Returns the metric's
/// code label ("429", "503", "reset"), or null when a retry cannot help.
/// </summary>
public static class TransientFailure
{
    public const string Reset = "reset";

    public static string? CodeOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public static string? CodeOf(Exception error) => IsReset(error) ? Reset : null;

    /// <summary>
    /// A 500 the request itself causes, so that every retry gets the same answer: a server-side apply whose values the
    /// server cannot type (the real server answers "failed to create typed patch object" with a 500).
    /// </summary>
    public static async Task<bool> IsCausedByRequestAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.InternalServerError)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains($"\"{ApiResult.TypedPatchFailure}", StringComparison.Ordinal);
    }

    /// <summary>The server went away mid-request: a reset or aborted socket, or a response that ended before it was whole.</summary>
    private static bool IsReset(Exception error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }:
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return true;
            }
        }

        return false;
    }
}
