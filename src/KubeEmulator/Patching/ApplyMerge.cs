using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// Merges an applied configuration into the live object the way server-side apply does: maps recursively,
/// keyed lists and sets item by item (the configuration's order wins for the items it names, other items keep
/// their place), atomic lists and scalars replaced, explicit nulls removed.
/// </summary>
internal static class ApplyMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject configuration, IListKeyResolver keys) =>
        Maps(live, configuration, [], keys);

    private static JsonObject Maps(JsonObject live, JsonObject configuration, List<string> fieldPath, IListKeyResolver keys)
    {
        var result = new JsonObject();
        foreach (var (name, left) in live)
        {
            if (!configuration.TryGetPropertyValue(name, out var right))
            {
                result[name] = left?.DeepClone();
            }
            else if (right is not null)
            {
                fieldPath.Add(name);
                result[name] = Values(left, right, fieldPath, keys);
                fieldPath.RemoveAt(fieldPath.Count - 1);
            }
        }

        foreach (var (name, right) in configuration)
        {
            if (right is not null && !live.ContainsKey(name))
            {
                fieldPath.Add(name);
                result[name] = Values(null, right, fieldPath, keys);
                fieldPath.RemoveAt(fieldPath.Count - 1);
            }
        }

        return result;
    }

    private static JsonNode? Values(JsonNode? live, JsonNode? configuration, List<string> fieldPath, IListKeyResolver keys) =>
        (live, configuration) switch
        {
            (_, JsonObject right) when ListItems.IsAtomicMap(keys, fieldPath) => right.DeepClone(),
            (_, JsonObject right) => Maps(live as JsonObject ?? new JsonObject(), right, fieldPath, keys),
            (JsonArray left, JsonArray right) => Lists(left, right, fieldPath, keys),
            (_, JsonArray right) => Lists(new JsonArray(), right, fieldPath, keys),
            _ => configuration?.DeepClone(),
        };

    private static JsonArray Lists(JsonArray live, JsonArray configuration, List<string> fieldPath, IListKeyResolver keys)
    {
        var left = ListItems.Index(keys, fieldPath, live, out _);
        var right = ListItems.Index(keys, fieldPath, configuration, out _);
        if (left is null || right is null)
        {
            return new JsonArray([.. configuration.Select(item => Values(null, item, fieldPath, keys))]);
        }

        var merged = new JsonArray();
        foreach (var (leftItem, rightItem) in ItemOrder.Interleave(left, right))
        {
            merged.Add(rightItem is null ? leftItem?.Node?.DeepClone() : Values(leftItem?.Node, rightItem.Node, fieldPath, keys));
        }

        return merged;
    }
}
