using GitOpsOperator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitOpsOperator.Webhooks;

/// <summary>
/// POST /hooks/imagerepositories/&lt;namespace&gt;/&lt;name&gt; with <c>Authorization: Bearer &lt;token&gt;</c> (what registry
/// notifications send): 202 when the token is genuine and a scan was asked for, 401 otherwise (the body never says
/// why), 405 for other methods. The notification's body is not read: any push is a reason to scan.
/// </summary>
public sealed class ImageRepositoryWebhookEndpoint(ImageRepositoryWebhookReceiver receiver) : IEndpointMapper
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.Map("/hooks/imagerepositories/{namespace}/{name}", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await AnswerAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed: use POST").ConfigureAwait(false);
            return;
        }

        var outcome = await receiver.ReceiveAsync(
            (string)context.Request.RouteValues["namespace"]!, (string)context.Request.RouteValues["name"]!,
            context.Request.Headers.Authorization.ToString(), context.RequestAborted).ConfigureAwait(false);
        var (status, text) = outcome switch
        {
            WebhookOutcome.Accepted => (StatusCodes.Status202Accepted, "accepted"),
            WebhookOutcome.Unavailable => (StatusCodes.Status503ServiceUnavailable, "unavailable, try again"),
            _ => (StatusCodes.Status401Unauthorized, "unauthorized"),
        };
        await AnswerAsync(context, status, text).ConfigureAwait(false);
    }

    private static Task AnswerAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
