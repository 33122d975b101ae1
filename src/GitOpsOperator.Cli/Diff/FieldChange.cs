using System.Text.Json.Nodes;

namespace GitOpsOperator.Cli.Diff;

/// <summary>One field that differs: its path (<c>spec.template.spec.containers[0].image</c>) and the value before and after (null when absent).</summary>
public sealed record FieldChange(string Path, JsonNode? Before, JsonNode? After)
{
    /// <summary>Every leaf field that differs between two objects, in document order.</summary>
    public static IReadOnlyList<FieldChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<FieldChange>();
        Compare("", before, after, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    Compare(Join(path, key), a[key], b[key], changes);
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Compare($"{path}[{i}]", i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                }

                break;
            case (null, JsonObject b):
                Compare(path, new JsonObject(), b, changes);
                break;
            case (null, JsonArray b):
                Compare(path, new JsonArray(), b, changes);
                break;
            case (JsonObject a, null):
                Compare(path, a, new JsonObject(), changes);
                break;
            case (JsonArray a, null):
                Compare(path, a, new JsonArray(), changes);
                break;
            default:
                changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
                break;
        }
    }

    private static string Join(string path, string key)
    {
        var simple = key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        return simple ? (path.Length == 0 ? key : $"{path}.{key}") : $"{path}[\"{key}\"]";
    }
}
