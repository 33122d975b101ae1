using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>What changed between two versions of an object, as field sets (server-set metadata excluded).</summary>
internal sealed record ObjectComparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    /// <summary>Maps the server creates as zero values of their type; never owned as a whole when they appear.</summary>
    private static readonly HashSet<string> StructFields = new(StringComparer.Ordinal)
    {
        "metadata", "spec", "status", "template", "jobTemplate", "strategy", "updateStrategy",
    };

    public FieldSet Changed => Added.Union(Modified);

    public bool IsEmpty => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;

    /// <summary>Compares two objects; lists that cannot be keyed are compared as a whole.</summary>
    public static ObjectComparison Between(JsonObject before, JsonObject after, IListKeyResolver keys)
    {
        var walk = new Walk(keys);
        walk.Maps(before, after, [], []);
        return new ObjectComparison(
            OwnedFields.WithoutServerFields(walk.Added),
            OwnedFields.WithoutServerFields(walk.Modified),
            OwnedFields.WithoutServerFields(walk.Removed));
    }

    private sealed class Walk(IListKeyResolver keys)
    {
        public FieldSet Added { get; } = new();

        public FieldSet Modified { get; } = new();

        public FieldSet Removed { get; } = new();

        public void Maps(JsonObject before, JsonObject after, List<string> path, List<string> fieldPath)
        {
            foreach (var (name, left) in before)
            {
                Descend(path, fieldPath, name, () =>
                {
                    if (after.TryGetPropertyValue(name, out var right))
                    {
                        Nodes(left, right, path, fieldPath);
                    }
                    else
                    {
                        Subtree(left, path, fieldPath, Removed, name);
                    }
                });
            }

            foreach (var (name, right) in after)
            {
                if (!before.ContainsKey(name))
                {
                    Descend(path, fieldPath, name, () => Subtree(right, path, fieldPath, Added, name));
                }
            }
        }

        private void Nodes(JsonNode? left, JsonNode? right, List<string> path, List<string> fieldPath)
        {
            switch (left, right)
            {
                case (JsonObject l, JsonObject r) when !ListItems.IsAtomicMap(keys, fieldPath):
                    Maps(l, r, path, fieldPath);
                    break;
                case (JsonArray l, JsonArray r):
                    Lists(l, r, path, fieldPath);
                    break;
                default:
                    if (!JsonNode.DeepEquals(left, right))
                    {
                        Modified.Insert(path);
                    }

                    break;
            }
        }

        private void Lists(JsonArray left, JsonArray right, List<string> path, List<string> fieldPath)
        {
            var leftItems = ListItems.Index(keys, fieldPath, left, out _);
            var rightItems = ListItems.Index(keys, fieldPath, right, out _);
            if (leftItems is null || rightItems is null)
            {
                if (!JsonNode.DeepEquals(left, right))
                {
                    Modified.Insert(path);
                }

                return;
            }

            var rightByElement = rightItems.ToDictionary(item => item.Element, StringComparer.Ordinal);
            var leftElements = leftItems.Select(item => item.Element).ToHashSet(StringComparer.Ordinal);
            foreach (var item in leftItems)
            {
                path.Add(item.Element);
                if (rightByElement.TryGetValue(item.Element, out var match))
                {
                    Nodes(item.Node, match.Node, path, fieldPath);
                }
                else
                {
                    ItemSubtree(item.Node, path, fieldPath, Removed);
                }

                path.RemoveAt(path.Count - 1);
            }

            foreach (var item in rightItems.Where(item => !leftElements.Contains(item.Element)))
            {
                path.Add(item.Element);
                ItemSubtree(item.Node, path, fieldPath, Added);
                path.RemoveAt(path.Count - 1);
            }
        }

        private void Subtree(JsonNode? node, List<string> path, List<string> fieldPath, FieldSet set, string name)
        {
            switch (node)
            {
                case JsonObject when ListItems.IsAtomicMap(keys, fieldPath):
                    set.Insert(path);
                    break;
                case JsonObject map:
                    if (map.Count == 0 || !StructFields.Contains(name))
                    {
                        set.Insert(path);
                    }

                    MapSubtree(map, path, fieldPath, set);
                    break;
                case JsonArray list:
                    ListSubtree(list, path, fieldPath, set);
                    break;
                default:
                    set.Insert(path);
                    break;
            }
        }

        private void MapSubtree(JsonObject map, List<string> path, List<string> fieldPath, FieldSet set)
        {
            foreach (var (name, value) in map)
            {
                Descend(path, fieldPath, name, () => Subtree(value, path, fieldPath, set, name));
            }
        }

        private void ListSubtree(JsonArray list, List<string> path, List<string> fieldPath, FieldSet set)
        {
            var items = ListItems.Index(keys, fieldPath, list, out _);
            if (items is null)
            {
                set.Insert(path);
                return;
            }

            foreach (var item in items)
            {
                path.Add(item.Element);
                ItemSubtree(item.Node, path, fieldPath, set);
                path.RemoveAt(path.Count - 1);
            }
        }

        private void ItemSubtree(JsonNode? item, List<string> path, List<string> fieldPath, FieldSet set)
        {
            set.Insert(path);
            if (item is JsonObject fields)
            {
                MapSubtree(fields, path, fieldPath, set);
            }
        }

        private static void Descend(List<string> path, List<string> fieldPath, string name, Action visit)
        {
            path.Add(PathElements.Field(name));
            fieldPath.Add(name);
            visit();
            path.RemoveAt(path.Count - 1);
            fieldPath.RemoveAt(fieldPath.Count - 1);
        }
    }
}
