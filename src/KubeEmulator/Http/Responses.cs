using System.Text.Json;
using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Json;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>Writes JSON answers and metav1.Status errors.</summary>
internal static class Responses
{
    public const string Json = "application/json";

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body, string contentType = Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(context.Response.Body, KubeJson.WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, error.Code, error.ToStatus());
    }

    /// <summary>Adds "Warning: 299 - "text"" headers, as the real server does for field validation warnings.</summary>
    public static void AddWarnings(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            var escaped = warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            context.Response.Headers.Append("Warning", $"299 - \"{escaped}\"");
        }
    }
}
