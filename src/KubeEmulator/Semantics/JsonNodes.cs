using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>Small helpers for reading and defaulting System.Text.Json.Nodes trees.</summary>
internal static class JsonNodes
{
    public static JsonObject? Obj(this JsonObject parent, string key) => parent[key] as JsonObject;

    public static JsonArray? Arr(this JsonObject parent, string key) => parent[key] as JsonArray;

    public static string? Str(this JsonObject parent, string key) => parent[key].AsString();

    /// <summary>The string a node holds, or null for any other kind of node.</summary>
    public static string? AsString(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>
    /// The number a node holds, or null. Read from the node's JSON text, so it works the same whether the node
    /// was parsed or built from an int, long or double.
    /// </summary>
    public static double? AsNumber(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>True for a number without a fractional part (1 and 1.0 alike, as kube-openapi counts integers).</summary>
    public static bool IsIntegral(this JsonNode? node) => node.AsNumber() is { } n && double.IsFinite(n) && n == Math.Floor(n);

    public static bool? Bool(this JsonObject parent, string key) =>
        parent[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static long? Long(this JsonObject parent, string key) =>
        parent[key].IsIntegral() ? (long)parent[key].AsNumber()!.Value : null;

    /// <summary>True when the key is absent or null: the Go zero value a defaulter replaces.</summary>
    public static bool IsUnset(this JsonObject parent, string key) => parent[key] is null;

    /// <summary>True when the key is absent, null or an empty string.</summary>
    public static bool IsBlank(this JsonObject parent, string key) => parent[key] is null || parent.Str(key) == "";

    /// <summary>The child object, created empty when absent or null.</summary>
    public static JsonObject Ensure(this JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    public static void Default(this JsonObject parent, string key, JsonNode value)
    {
        if (parent.IsUnset(key))
        {
            parent[key] = value;
        }
    }

    /// <summary>Defaults a string field, treating "" as unset like Go's zero value.</summary>
    public static void DefaultString(this JsonObject parent, string key, string value)
    {
        if (parent.IsBlank(key))
        {
            parent[key] = value;
        }
    }

    public static IEnumerable<JsonObject> Objects(this JsonArray? array) =>
        array is null ? [] : array.OfType<JsonObject>();

    public static IEnumerable<(int Index, JsonObject Item)> IndexedObjects(this JsonArray? array)
    {
        if (array is null)
        {
            yield break;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                yield return (i, item);
            }
        }
    }

    /// <summary>String-valued entries of a map (labels, matchLabels, data…).</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }
        foreach (var (key, value) in map)
        {
            result[key] = value.AsString() ?? value?.ToJsonString() ?? "";
        }
        return result;
    }
}
