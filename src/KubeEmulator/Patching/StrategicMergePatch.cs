using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Kubernetes strategic merge patch (application/strategic-merge-patch+json).</summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    /// <summary>Returns a new object: the original with the patch merged, map-lists merged by key, $patch directives honoured.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, IListKeyResolver keys) =>
        MergeMap(original, patch, [], keys) ?? new JsonObject();

    /// <summary>The merged map, or null when the patch deletes it ($patch: delete).</summary>
    private static JsonObject? MergeMap(JsonObject? original, JsonObject patch, List<string> fieldPath, IListKeyResolver keys)
    {
        switch (Directive(patch))
        {
            case "replace":
                return MergeMap(null, WithoutDirective(patch), fieldPath, keys);
            case "delete":
                return null;
        }

        var result = (JsonObject?)original?.DeepClone() ?? new JsonObject();
        Retain(result, patch);
        foreach (var (name, values) in Prefixed(patch, DeleteFromPrimitiveList))
        {
            if (result[name] is JsonArray list)
            {
                RemoveValues(list, values);
            }
        }

        foreach (var (name, value) in patch)
        {
            if (!name.StartsWith('$'))
            {
                fieldPath.Add(name);
                MergeField(result, name, value, fieldPath, keys);
                fieldPath.RemoveAt(fieldPath.Count - 1);
            }
        }

        foreach (var (name, order) in Prefixed(patch, SetElementOrder))
        {
            if (result[name] is JsonArray list)
            {
                fieldPath.Add(name);
                ListOrder.Apply(list, order, fieldPath, keys);
                fieldPath.RemoveAt(fieldPath.Count - 1);
            }
        }

        return result;
    }

    private static void MergeField(JsonObject result, string name, JsonNode? value, List<string> fieldPath, IListKeyResolver keys)
    {
        var merged = value switch
        {
            null => null,
            JsonObject map => MergeMap(result[name] as JsonObject, map, fieldPath, keys),
            JsonArray list => MergeList(result[name] as JsonArray, list, fieldPath, keys),
            _ => value.DeepClone(),
        };
        if (merged is null)
        {
            result.Remove(name);
        }
        else
        {
            result[name] = merged;
        }
    }

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, List<string> fieldPath, IListKeyResolver keys)
    {
        if (patch.Any(item => item is JsonObject map && Directive(map) == "replace"))
        {
            return Fresh(patch.Where(item => !(item is JsonObject map && Directive(map) == "replace")), fieldPath, keys);
        }

        return ListItems.KindOf(keys, fieldPath) switch
        {
            ListKind.Keyed => MergeKeyed(original ?? [], patch, fieldPath, keys),
            ListKind.Set => MergeSet(original ?? [], patch),
            _ => Fresh(patch, fieldPath, keys),
        };
    }

    private static JsonArray MergeKeyed(JsonArray original, JsonArray patch, List<string> fieldPath, IListKeyResolver keys)
    {
        var result = (JsonArray)original.DeepClone();
        foreach (var node in patch)
        {
            if (node is not JsonObject item)
            {
                throw new PatchException($"{string.Join(".", fieldPath)}: patch item {PathElements.Json(node)} is not a map");
            }

            var element = ListItems.ElementOf(keys, fieldPath, WithoutDirective(item))
                ?? throw new PatchException($"map: {PathElements.Json(item)} does not contain declared merge key: {string.Join(",", ListItems.KeysOf(keys, fieldPath)!)}");
            var index = IndexOf(result, element, fieldPath, keys);
            if (Directive(item) == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                result[index] = MergeMap(result[index] as JsonObject, item, fieldPath, keys);
            }
            else
            {
                result.Add(MergeMap(null, item, fieldPath, keys));
            }
        }

        return result;
    }

    private static JsonArray MergeSet(JsonArray original, JsonArray patch)
    {
        var result = (JsonArray)original.DeepClone();
        foreach (var value in patch)
        {
            if (!result.Any(existing => JsonNode.DeepEquals(existing, value)))
            {
                result.Add(value?.DeepClone());
            }
        }

        return result;
    }

    /// <summary>A list taken from the patch as it is, directives inside its maps applied to nothing.</summary>
    private static JsonArray Fresh(IEnumerable<JsonNode?> items, List<string> fieldPath, IListKeyResolver keys)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (item is not JsonObject map)
            {
                result.Add(item?.DeepClone());
            }
            else if (MergeMap(null, map, fieldPath, keys) is { } merged)
            {
                result.Add(merged);
            }
        }

        return result;
    }

    private static int IndexOf(JsonArray list, string element, List<string> fieldPath, IListKeyResolver keys)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ListItems.ElementOf(keys, fieldPath, list[i]) == element)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Retain(JsonObject result, JsonObject patch)
    {
        if (patch[RetainKeys] is not JsonArray retained)
        {
            return;
        }

        var names = retained.Select(node => node?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in result.Select(property => property.Key).Where(name => !names.Contains(name)).ToList())
        {
            result.Remove(name);
        }
    }

    private static void RemoveValues(JsonArray list, JsonArray values)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (values.Any(value => JsonNode.DeepEquals(value, list[i])))
            {
                list.RemoveAt(i);
            }
        }
    }

    private static IEnumerable<(string Field, JsonArray Values)> Prefixed(JsonObject patch, string prefix) =>
        patch
            .Where(property => property.Key.StartsWith(prefix, StringComparison.Ordinal) && property.Value is JsonArray)
            .Select(property => (property.Key[prefix.Length..], (JsonArray)property.Value!));

    private static string? Directive(JsonObject map)
    {
        if (!map.TryGetPropertyValue(PatchDirective, out var value))
        {
            return null;
        }

        var directive = value is JsonValue text && text.TryGetValue<string>(out var name) ? name : null;
        return directive is "replace" or "delete" or "merge"
            ? directive
            : throw new PatchException($"Unknown patch type: {PathElements.Json(value)} in map: {PathElements.Json(map)}");
    }

    private static JsonObject WithoutDirective(JsonObject map)
    {
        var copy = (JsonObject)map.DeepClone();
        copy.Remove(PatchDirective);
        return copy;
    }
}
