using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>
/// Structural defaulting: a property's default is set when the property is absent (or a null it may not hold),
/// but only inside objects that exist; defaults of nested properties then apply inside the defaulted value.
/// Nulls a field may not hold and that have no default are dropped, as the real server does.
/// </summary>
internal static class SchemaDefaulting
{
    public static void Apply(JsonObject obj, SchemaNode root) => Object(obj, root, isRoot: true);

    private static void Value(JsonNode? value, SchemaNode schema)
    {
        switch (value)
        {
            case JsonObject obj:
                Object(obj, schema, isRoot: false);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && !items.Nullable && items.Default is { } itemDefault)
                    {
                        array[i] = itemDefault.DeepClone();
                    }
                    Value(array[i], items);
                }
                break;
        }
    }

    private static void Object(JsonObject obj, SchemaNode schema, bool isRoot)
    {
        foreach (var (name, property) in schema.Properties)
        {
            if (isRoot && name == "metadata")
            {
                continue;
            }
            FillOrDrop(obj, name, property);
        }
        if (schema.AdditionalProperties is { } additional)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => !schema.Properties.ContainsKey(k)).ToList())
            {
                if (obj[key] is null && !additional.Nullable)
                {
                    FillOrDrop(obj, key, additional);
                }
            }
        }
        foreach (var (key, child) in obj.ToList())
        {
            if (isRoot && key == "metadata")
            {
                continue;
            }
            var childSchema = schema.Properties.GetValueOrDefault(key) ?? schema.AdditionalProperties;
            if (childSchema is not null)
            {
                Value(child, childSchema);
            }
        }
    }

    private static void FillOrDrop(JsonObject obj, string key, SchemaNode schema)
    {
        var present = obj.TryGetPropertyValue(key, out var value);
        if (present && (value is not null || schema.Nullable))
        {
            return;
        }
        if (schema.Default is { } fallback)
        {
            obj[key] = fallback.DeepClone();
        }
        else if (present)
        {
            obj.Remove(key);
        }
    }
}
