using System.Text.Json.Nodes;

namespace KubeEmulator.Json;

/// <summary>Small accessors for Kubernetes objects held as <see cref="JsonObject"/>.</summary>
internal static class JsonExtensions
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? StringAt(this JsonObject obj, params string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = (node as JsonObject)?[segment];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static JsonNode? NodeAt(this JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var segment in dottedPath.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }

        return node;
    }

    public static string Name(this JsonObject obj) => obj.StringAt("metadata", "name") ?? "";

    public static string? Namespace(this JsonObject obj) => obj.StringAt("metadata", "namespace");

    public static string? Uid(this JsonObject obj) => obj.StringAt("metadata", "uid");

    public static string? ResourceVersion(this JsonObject obj) => obj.StringAt("metadata", "resourceVersion");

    public static IReadOnlyDictionary<string, string> Labels(this JsonObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"] is JsonObject { } metadata && metadata["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                result[key] = value?.ToString() ?? "";
            }
        }

        return result;
    }

    public static JsonArray Finalizers(this JsonObject obj) => obj["metadata"] is JsonObject m && m["finalizers"] is JsonArray f ? f : [];

    public static IEnumerable<JsonObject> OwnerReferences(this JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>An integer field whichever .NET number type it was created with; null when absent or not an integer.</summary>
    public static long? Int64(this JsonNode? node) =>
        node is JsonValue && long.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public static JsonObject Clone(this JsonObject obj) => (JsonObject)obj.DeepClone();

    /// <summary>A scalar's text form for selectors and comparisons ("true", "3", "x").</summary>
    public static string? ScalarText(this JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };
}
