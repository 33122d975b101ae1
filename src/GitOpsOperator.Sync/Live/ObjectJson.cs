using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Live;

/// <summary>Reads the metadata fields the sync engine needs from a JSON object.</summary>
public static class ObjectJson
{
    public static JsonObject Metadata(JsonObject obj) => obj["metadata"] as JsonObject ?? [];

    public static string MetadataString(JsonObject obj, string field) =>
        Metadata(obj)[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    public static string? Label(JsonObject obj, string key) => StringIn(Metadata(obj)["labels"], key);

    public static string? Annotation(JsonObject obj, string key) => StringIn(Metadata(obj)["annotations"], key);

    /// <summary>The object's identity: group and kind from apiVersion/kind, namespace and name from metadata.</summary>
    public static ObjectIdentity Identity(JsonObject obj)
    {
        var type = GroupVersionKind.FromApiVersion(obj["apiVersion"]?.GetValue<string>() ?? "", obj["kind"]?.GetValue<string>() ?? "");
        return new ObjectIdentity(type.Group, type.Kind, MetadataString(obj, "namespace"), MetadataString(obj, "name"));
    }

    /// <summary>True when a's resourceVersion is older than b's (numeric versions; otherwise b is taken as newer).</summary>
    public static bool IsOlder(JsonObject a, JsonObject b) =>
        !long.TryParse(MetadataString(a, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var x)
        || !long.TryParse(MetadataString(b, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        || x <= y;

    private static string? StringIn(JsonNode? map, string key) =>
        map is JsonObject values && values[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
