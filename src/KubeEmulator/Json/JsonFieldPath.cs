using System.Text.Json.Nodes;

namespace KubeEmulator.Json;

/// <summary>Field paths in the ".spec.template.spec.containers[0].foo" form the unknown-field checks report.</summary>
internal static class JsonFieldPath
{
    /// <summary>Removes the field at the path when it is there.</summary>
    public static void Remove(JsonObject root, string path)
    {
        var segments = Segments(path);
        if (segments.Count == 0)
        {
            return;
        }

        JsonNode? node = root;
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            node = Step(node, segment);
        }

        if (node is JsonObject parent && segments[^1] is { Index: null } last)
        {
            parent.Remove(last.Name);
        }
    }

    /// <summary>The node at the path, or null when any step is missing.</summary>
    public static JsonNode? Get(JsonObject root, string path) =>
        Segments(path).Aggregate((JsonNode?)root, Step);

    /// <summary>Sets the field at a path of object fields, creating the objects on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var names = Segments(path).Select(s => s.Name).ToList();
        var parent = root;
        foreach (var name in names.Take(names.Count - 1))
        {
            if (parent[name] is not JsonObject child)
            {
                child = [];
                parent[name] = child;
            }

            parent = child;
        }

        parent[names[^1]] = value;
    }

    private static JsonNode? Step(JsonNode? node, Segment segment) => segment.Index is { } index
        ? node is JsonArray array && index < array.Count ? array[index] : null
        : (node as JsonObject)?[segment.Name];

    private static List<Segment> Segments(string path)
    {
        var result = new List<Segment>();
        foreach (var part in path.TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            result.Add(new Segment(bracket < 0 ? part : part[..bracket], null));
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), out var index))
                {
                    break;
                }

                result.Add(new Segment("", index));
                bracket = part.IndexOf('[', close);
            }
        }

        return result;
    }

    private sealed record Segment(string Name, int? Index);
}
