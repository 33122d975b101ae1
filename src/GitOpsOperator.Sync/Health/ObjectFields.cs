using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>Typed reads of the few fields the health checks look at, absent fields as defaults.</summary>
internal static class ObjectFields
{
    public static long Int(JsonObject obj, params string[] path) =>
        Node(obj, path) is JsonValue value && value.TryGetValue(out long number) ? number : 0;

    public static long? OptionalInt(JsonObject obj, params string[] path) =>
        Node(obj, path) is JsonValue value && value.TryGetValue(out long number) ? number : null;

    public static string? String(JsonObject obj, params string[] path) =>
        Node(obj, path) is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static JsonArray? Array(JsonObject obj, params string[] path) => Node(obj, path) as JsonArray;

    public static JsonNode? Node(JsonObject obj, params string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = node is JsonObject map && map.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
