using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics.Typing;

/// <summary>
/// A JSON value as the real server holds it in an unstructured map (string, int64, float64, bool,
/// map[string]interface {}, []interface {}), with the names and fmt verbs Go prints such values with.
/// </summary>
internal static class Unstructured
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The word encoding/json uses for a JSON value's kind: "string", "number", "bool", "object", "array".</summary>
    public static string JsonKind(JsonNode node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "bool",
        },
    };

    /// <summary>reflect.Type.String() of the value once decoded with integers kept: "string", "int64", "float64", "bool", "map[string]interface {}", "[]interface {}".</summary>
    public static string TypeName(JsonNode node, bool integersKept = true) => node switch
    {
        JsonObject => "map[string]interface {}",
        JsonArray => "[]interface {}",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => integersKept && IsInt64(node) ? "int64" : "float64",
            _ => "bool",
        },
    };

    /// <summary>reflect.Kind of the value: "string", "int64", "float64", "bool", "map", "slice".</summary>
    public static string KindName(JsonNode node) => node switch
    {
        JsonObject => "map",
        JsonArray => "slice",
        _ => TypeName(node),
    };

    /// <summary>The number's literal text, as the decoder reads it ("3", "1.5", "1e3").</summary>
    public static string NumberText(JsonNode node) => node.ToJsonString();

    public static double Double(JsonNode node) => double.Parse(NumberText(node), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool IsInt64(JsonNode node) =>
        long.TryParse(NumberText(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>fmt's %v (and %+v) of the value: strings bare, maps as map[k:v] with sorted keys, slices as [a b].</summary>
    public static string Plain(JsonNode? node) => node switch
    {
        null => "<nil>",
        JsonObject map => "map[" + string.Join(" ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Plain(p.Value)}")) + "]",
        JsonArray list => "[" + string.Join(" ", list.Select(Plain)) + "]",
        _ when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ when node.GetValueKind() == JsonValueKind.Number => IsInt64(node) ? NumberText(node) : GoValue.Number(Double(node)),
        _ => node.ToJsonString(),
    };

    /// <summary>fmt's %#v of the value decoded without integers (numbers are float64): "x" quoted, 1, map[string]interface {}{"a":"b"}.</summary>
    public static string GoSyntax(JsonNode? node) => node switch
    {
        null => "interface {}(nil)",
        JsonObject map => "map[string]interface {}{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{GoValue.Quote(p.Key)}:{GoSyntax(p.Value)}")) + "}",
        JsonArray list => "[]interface {}{" + string.Join(", ", list.Select(GoSyntax)) + "}",
        _ when node.GetValueKind() == JsonValueKind.String => GoValue.Quote(node.GetValue<string>()),
        _ when node.GetValueKind() == JsonValueKind.Number => GoValue.Number(Double(node)),
        _ => node.ToJsonString(),
    };

    /// <summary>Compact JSON as Go's encoding/json writes it (HTML characters escaped as \u003c, \u003e, \u0026).</summary>
    public static string GoJson(JsonNode node)
    {
        var text = new StringBuilder(node.ToJsonString(Relaxed));
        return text.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026").ToString();
    }
}
