using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Removes the member paths of a field set from an object; a map emptied by the removal goes too.</summary>
internal static class FieldRemoval
{
    public static void Remove(JsonObject target, FieldSet fields, IListKeyResolver keys) => FromMap(target, fields, [], keys);

    private static void FromMap(JsonObject map, FieldSet fields, List<string> fieldPath, IListKeyResolver keys)
    {
        foreach (var (element, child) in fields.Children)
        {
            if (!element.StartsWith("f:", StringComparison.Ordinal))
            {
                continue;
            }

            var name = element[2..];
            if (!map.TryGetPropertyValue(name, out var value))
            {
                continue;
            }

            if (child.IsMember)
            {
                map.Remove(name);
                continue;
            }

            fieldPath.Add(name);
            if (FromValue(value, child, fieldPath, keys))
            {
                map.Remove(name);
            }

            fieldPath.RemoveAt(fieldPath.Count - 1);
        }
    }

    /// <summary>Returns true when the value was a non-empty container that the removal emptied.</summary>
    private static bool FromValue(JsonNode? value, FieldSet fields, List<string> fieldPath, IListKeyResolver keys)
    {
        switch (value)
        {
            case JsonObject map when map.Count > 0:
                FromMap(map, fields, fieldPath, keys);
                return map.Count == 0;
            case JsonArray list when list.Count > 0:
                FromList(list, fields, fieldPath, keys);
                return list.Count == 0;
            default:
                return false;
        }
    }

    private static void FromList(JsonArray list, FieldSet fields, List<string> fieldPath, IListKeyResolver keys)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var element = ListItems.ElementOf(keys, fieldPath, list[i]);
            if (element is null || fields.Child(element) is not { } child)
            {
                continue;
            }

            if (child.IsMember || FromValue(list[i], child, fieldPath, keys))
            {
                list.RemoveAt(i);
            }
        }
    }
}
