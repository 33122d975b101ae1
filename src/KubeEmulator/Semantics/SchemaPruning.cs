using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>Drops the fields a structural schema does not specify, as the apiextensions server does on every write.</summary>
internal static class SchemaPruning
{
    private static readonly HashSet<string> ObjectMetaFields = ["apiVersion", "kind", "metadata"];

    public static IReadOnlyList<string> Prune(JsonObject obj, SchemaNode root)
    {
        var pruned = new List<string>();
        Object(obj, root, "", pruned, keep: ObjectMetaFields);
        return pruned;
    }

    private static void Value(JsonNode? value, SchemaNode schema, string path, List<string> pruned)
    {
        switch (value)
        {
            case JsonObject obj:
                Object(obj, schema, path, pruned, keep: schema.EmbeddedResource ? ObjectMetaFields : []);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Value(array[i], items, FieldPath.Index(path, i), pruned);
                }
                break;
        }
    }

    private static void Object(JsonObject obj, SchemaNode schema, string path, List<string> pruned, IReadOnlySet<string> keep)
    {
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var childPath = FieldPath.Child(path, key);
            if (keep.Contains(key))
            {
                continue;
            }

            if (schema.Properties.TryGetValue(key, out var property))
            {
                Value(obj[key], property, childPath, pruned);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Value(obj[key], additional, childPath, pruned);
            }
            else if (!schema.PreserveUnknownFields && !schema.AdditionalPropertiesAllowed)
            {
                obj.Remove(key);
                pruned.Add(childPath);
            }
        }
    }
}
