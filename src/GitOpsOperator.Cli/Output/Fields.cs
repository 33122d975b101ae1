using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Cli.Output;

/// <summary>Reading fields of an object's JSON for display: a path of property names, empty when any step is missing.</summary>
public static class Fields
{
    public static string Text(JsonNode? node, params string[] path)
    {
        foreach (var step in path)
        {
            node = node is JsonObject obj ? obj[step] : null;
        }

        return node switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }

    public static DateTimeOffset? Time(JsonNode? node, params string[] path) =>
        DateTimeOffset.TryParse(Text(node, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>The condition of this type in status.conditions, or null.</summary>
    public static JsonObject? Condition(JsonNode? obj, string type) =>
        (obj?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Text(c, "type") == type);
}
