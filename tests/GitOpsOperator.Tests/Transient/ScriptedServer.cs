using System.Net;

namespace GitOpsOperator.Tests.Transient;

/// <summary>
/// Stands in for the API server behind a handler: answers each request with the next step of a script (a status
/// code, optionally with Retry-After, or a connection reset) and records what it was sent, body included.
/// </summary>
internal sealed class ScriptedServer(params ScriptedServer.Step[] script) : HttpMessageHandler
{
    private readonly Queue<Step> steps = new(script);

    public List<(HttpMethod Method, string Body)> Received { get; } = [];

    public static Step Status(HttpStatusCode code, TimeSpan? retryAfter = null) => new(code, retryAfter, Reset: false);

    /// <summary>An answer with a Status body carrying the server's message.</summary>
    public static Step Status(HttpStatusCode code, string message) =>
        new(code, null, Reset: false, $"{{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":{System.Text.Json.JsonSerializer.Serialize(message)},\"code\":{(int)code}}}");

    public static Step ConnectionReset { get; } = new(0, null, Reset: true);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.Add((request.Method, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
        var step = steps.Count > 0 ? steps.Dequeue() : Status(HttpStatusCode.OK);
        if (step.Reset)
        {
            throw new HttpRequestException("Error while copying content to a stream.", new IOException("reset", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset)));
        }

        var response = new HttpResponseMessage(step.Code) { Content = new StringContent(step.Body) };
        if (step.RetryAfter is { } after)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
        }

        return response;
    }

    internal sealed record Step(HttpStatusCode Code, TimeSpan? RetryAfter, bool Reset, string Body = "{}");
}
