using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>Tells, before the request is served, whether it asks for a dry run: dryRun in the query, or in a delete's DeleteOptions body.</summary>
internal static class DryRunRequests
{
    public static async Task<bool> IsDryRunAsync(HttpRequest request, string verb, CancellationToken cancellationToken)
    {
        if (request.Query["dryRun"].Count > 0)
        {
            return true;
        }

        if (verb is not ("delete" or "deletecollection") || request.ContentLength == 0)
        {
            return false;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        request.Body.Position = 0;
        return DeleteOptions(buffer.ToArray(), request.ContentType)?["dryRun"] is JsonArray { Count: > 0 };
    }

    /// <summary>The body as DeleteOptions, or null when it is empty or malformed (the delete endpoint answers that).</summary>
    private static JsonNode? DeleteOptions(byte[] body, string? contentType)
    {
        try
        {
            return RequestBody.IsProtobuf(contentType) ? ProtobufBodies.Read(body)
                : body.Length == 0 ? null
                : JsonNode.Parse(Encoding.UTF8.GetString(body));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
