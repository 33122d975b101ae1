using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Tests.Support;

/// <summary>JSON equality as a program reading the JSON sees it: numbers by value, whatever their spelling.</summary>
internal static class JsonSemantics
{
    public static bool AreEqual(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (JsonObject a, JsonObject b) => a.Count == b.Count && a.All(pair => b.ContainsKey(pair.Key) && AreEqual(pair.Value, b[pair.Key])),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second)),
        (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number => SameNumber(a, b),
        (JsonValue a, JsonValue b) => JsonNode.DeepEquals(a, b),
        _ => false,
    };

    private static bool SameNumber(JsonValue a, JsonValue b)
    {
        var left = a.ToJsonString();
        var right = b.ToJsonString();
        return long.TryParse(left, CultureInfo.InvariantCulture, out var x) && long.TryParse(right, CultureInfo.InvariantCulture, out var y)
            ? x == y
            : double.Parse(left, CultureInfo.InvariantCulture) == double.Parse(right, CultureInfo.InvariantCulture);
    }
}
