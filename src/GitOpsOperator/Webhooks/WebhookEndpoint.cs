using GitOpsOperator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitOpsOperator.Webhooks;

/// <summary>
/// POST /hooks/&lt;namespace&gt;/&lt;gitrepository&gt;: 202 when a genuine push was recorded, 200 for a GitHub ping,
/// 401 for anything not genuine (the body never says why), 405 for other methods, 413 beyond 1 MiB.
/// </summary>
public sealed class WebhookEndpoint(WebhookReceiver receiver) : IEndpointMapper
{
    public const int MaxBodyBytes = 1024 * 1024;

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.Map("/hooks/{namespace}/{name}", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await AnswerAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed: use POST").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, "payload too large").ConfigureAwait(false);
            return;
        }

        var request = new WebhookRequest(
            (string)context.Request.RouteValues["namespace"]!, (string)context.Request.RouteValues["name"]!, context.Request.Headers, body);
        var (status, text) = await receiver.ReceiveAsync(request, context.RequestAborted).ConfigureAwait(false) switch
        {
            WebhookOutcome.Accepted => (StatusCodes.Status202Accepted, "accepted"),
            WebhookOutcome.Pinged => (StatusCodes.Status200OK, "pong"),
            WebhookOutcome.Unavailable => (StatusCodes.Status503ServiceUnavailable, "unavailable, try again"),
            _ => (StatusCodes.Status401Unauthorized, "unauthorized"),
        };
        await AnswerAsync(context, status, text).ConfigureAwait(false);
    }

    /// <summary>The whole body, or null when it exceeds <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task AnswerAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
