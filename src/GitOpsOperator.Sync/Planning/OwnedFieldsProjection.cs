using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Planning;

/// <summary>
/// The part of a live object a field manager owns: the object walked through the manager's FieldsV1 set
/// (<c>f:</c> fields, <c>k:</c> keyed list items, <c>v:</c> set values, <c>i:</c> indices), keeping only what the set names.
/// </summary>
public static class OwnedFieldsProjection
{
    /// <summary>The owned values, keyed as FieldsV1 keys them (a missing value projects to null).</summary>
    public static JsonObject Project(JsonNode? live, JsonObject fields)
    {
        var projection = new JsonObject();
        foreach (var (key, child) in fields)
        {
            if (key == ".")
            {
                continue;
            }

            var value = Select(live, key);
            projection[key] = child is JsonObject nested && nested.Any(pair => pair.Key != ".")
                ? Project(value, nested)
                : value?.DeepClone();
        }

        return projection;
    }

    /// <summary>The FieldsV1 set of a manager's Apply entry in the object's managedFields, or null when it has none.</summary>
    public static JsonObject? AppliedFieldsOf(JsonObject liveObject, string manager) =>
        (liveObject["metadata"]?["managedFields"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(entry => Text(entry["manager"]) == manager && Text(entry["operation"]) == "Apply" && string.IsNullOrEmpty(Text(entry["subresource"])))
            .Select(entry => entry["fieldsV1"] as JsonObject)
            .FirstOrDefault();

    private static JsonNode? Select(JsonNode? live, string key)
    {
        var rest = key.Length > 2 ? key[2..] : "";
        return key[..Math.Min(2, key.Length)] switch
        {
            "f:" => (live as JsonObject)?[rest],
            "k:" => Items(live).FirstOrDefault(item => Matches(item, Parse(rest))),
            "v:" => Items(live).FirstOrDefault(item => JsonNode.DeepEquals(item, Parse(rest))),
            "i:" when int.TryParse(rest, out var index) => Items(live).ElementAtOrDefault(index),
            _ => null,
        };
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? live) => live as JsonArray ?? [];

    private static bool Matches(JsonNode? item, JsonNode? key) =>
        item is JsonObject fields && key is JsonObject wanted && wanted.All(pair => JsonNode.DeepEquals(fields[pair.Key], pair.Value));

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
