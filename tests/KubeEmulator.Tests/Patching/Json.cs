using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeEmulator.Tests.Patching;

/// <summary>Short helpers to write JSON in tests and compare it structurally.</summary>
internal static class Json
{
    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonArray Array(string json) => JsonNode.Parse(json)!.AsArray();

    public static void Equal(string expected, JsonNode? actual)
    {
        var wanted = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(wanted, actual), $"expected {wanted?.ToJsonString()}\n  actual {actual?.ToJsonString()}");
    }

    /// <summary>The fieldsV1 of the managedFields entry of this manager and operation.</summary>
    public static JsonObject? FieldsOf(JsonObject obj, string manager, string operation = "Apply") =>
        ManagedFields(obj)
            .FirstOrDefault(entry => (string?)entry["manager"] == manager && (string?)entry["operation"] == operation)?["fieldsV1"]?.AsObject();

    public static IReadOnlyList<JsonObject> ManagedFields(JsonObject obj) =>
        obj["metadata"]?["managedFields"]?.AsArray().Select(entry => entry!.AsObject()).ToList() ?? [];

    /// <summary>The node at a "/a/0/b" path, or null when there is none.</summary>
    public static JsonNode? At(JsonNode? node, string pointer)
    {
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                JsonObject map => map[token],
                JsonArray list when int.Parse(token, CultureInfo.InvariantCulture) is var index && index < list.Count => list[index],
                _ => null,
            };
        }

        return node;
    }
}
