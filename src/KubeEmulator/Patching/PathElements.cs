using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// One step of a field path in its FieldsV1 spelling: "f:name" (a field), "k:{...}" (a keyed list item),
/// "v:..." (a set item), "i:3" (an item of a list without keys); and the ".spec[name=\"web\"]" form the
/// server prints in conflict messages.
/// </summary>
internal static class PathElements
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Field(string name) => "f:" + name;

    public static string Key(JsonObject keyFields) => "k:" + Json(keyFields);

    public static string Value(JsonNode value) => "v:" + Json(value);

    public static string Json(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>Orders elements as the real server serializes them: fields, then keys, then values, then indexes.</summary>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return string.CompareOrdinal(left, right);
        }

        var byKind = Rank(left).CompareTo(Rank(right));
        return byKind != 0 ? byKind : string.CompareOrdinal(left, right);
    }

    public static string Display(IEnumerable<string> path)
    {
        var text = new StringBuilder();
        foreach (var element in path)
        {
            text.Append(Display(element));
        }

        return text.ToString();
    }

    private static string Display(string element) => element[..2] switch
    {
        "f:" => "." + element[2..],
        "k:" => "[" + string.Join(",", KeyParts(element[2..])) + "]",
        "v:" => "[=" + element[2..] + "]",
        _ => "[" + element[2..] + "]",
    };

    private static IEnumerable<string> KeyParts(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject keys)
        {
            yield return json;
            yield break;
        }

        foreach (var (name, value) in keys)
        {
            yield return name + "=" + Json(value);
        }
    }

    private static int Rank(string element) => element.Length < 2 ? 4 : element[0] switch
    {
        'f' => 0,
        'k' => 1,
        'v' => 2,
        'i' => 3,
        _ => 4,
    };
}
