using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Yaml;
using KubeEmulator.Errors;
using KubeEmulator.Json;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>Reads request bodies: JSON, or YAML for apply patches.</summary>
internal static class RequestBody
{
    public const string Protobuf = "application/vnd.kubernetes.protobuf";

    public static async Task<JsonNode?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (IsProtobuf(request.ContentType))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return ProtobufBodies.Read(buffer.ToArray());
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.TrimStart();
        var looksLikeJson = trimmed.StartsWith('{') || trimmed.StartsWith('[');
        try
        {
            return looksLikeJson || !IsYaml(request.ContentType) ? JsonNode.Parse(text) : YamlJson.Convert(text);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded: {e.Message}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await ReadAsync(request, cancellationToken) as JsonObject
        ?? throw ApiException.BadRequest("the body of the request was not a JSON object");

    public static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase);

    private static bool IsYaml(string? contentType) =>
        contentType is not null && (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase));
}
