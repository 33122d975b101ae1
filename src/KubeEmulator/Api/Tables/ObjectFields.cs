using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>Tolerant reads of an object's fields for table cells: a missing or mistyped field reads as empty.</summary>
public static class ObjectFields
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = (node as JsonObject)?[name];
        }

        return node;
    }

    public static string? String(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long Integer(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : 0;

    public static long? OptionalInteger(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;

    public static bool Boolean(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static IReadOnlyList<JsonObject> Objects(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    public static int Count(JsonNode? node, params string[] path) => At(node, path) switch
    {
        JsonObject obj => obj.Count,
        JsonArray array => array.Count,
        _ => 0,
    };

    public static DateTimeOffset? Timestamp(JsonNode? node, params string[] path) => HumanDuration.ParseTimestamp(String(node, path));
}
