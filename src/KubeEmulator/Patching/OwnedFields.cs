using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// The field set of an applied configuration (what its manager owns): every leaf, every list item, atomic
/// lists as a whole, empty maps and explicit nulls; object identity and server-set metadata are never owned.
/// </summary>
internal static class OwnedFields
{
    private static readonly string[][] NeverOwned =
    [
        ["f:apiVersion"], ["f:kind"], ["f:metadata"],
        ["f:metadata", "f:name"], ["f:metadata", "f:namespace"], ["f:metadata", "f:uid"],
        ["f:metadata", "f:resourceVersion"], ["f:metadata", "f:generation"], ["f:metadata", "f:creationTimestamp"],
        ["f:metadata", "f:selfLink"], ["f:metadata", "f:managedFields"], ["f:metadata", "f:clusterName"],
    ];

    private static readonly FieldSet NeverOwnedSet = BuildNeverOwned();

    /// <summary>The fields the configuration sets; throws <see cref="PatchException"/> for a list it cannot key.</summary>
    public static FieldSet Of(JsonObject configuration, IListKeyResolver keys) => Of(configuration, keys, strict: true);

    /// <summary>The fields a stored object holds; a list it cannot key counts as one atomic field.</summary>
    public static FieldSet HeldBy(JsonObject stored, IListKeyResolver keys) => Of(stored, keys, strict: false);

    private static FieldSet Of(JsonObject obj, IListKeyResolver keys, bool strict)
    {
        var set = new FieldSet();
        new Walk(set, keys, strict).Map(obj, [], []);
        return WithoutServerFields(set);
    }

    /// <summary>The set less the paths no manager ever owns.</summary>
    public static FieldSet WithoutServerFields(FieldSet set) => set.Difference(NeverOwnedSet);

    private sealed class Walk(FieldSet set, IListKeyResolver keys, bool strict)
    {
        public void Map(JsonObject map, List<string> path, List<string> fieldPath)
        {
            foreach (var (name, value) in map)
            {
                path.Add(PathElements.Field(name));
                fieldPath.Add(name);
                switch (value)
                {
                    case JsonObject when ListItems.IsAtomicMap(keys, fieldPath):
                        set.Insert(path);
                        break;
                    case JsonObject child:
                        if (child.Count == 0)
                        {
                            set.Insert(path);
                        }

                        Map(child, path, fieldPath);
                        break;
                    case JsonArray list:
                        List(list, path, fieldPath);
                        break;
                    default:
                        set.Insert(path);
                        break;
                }

                path.RemoveAt(path.Count - 1);
                fieldPath.RemoveAt(fieldPath.Count - 1);
            }
        }

        private void List(JsonArray list, List<string> path, List<string> fieldPath)
        {
            var items = ListItems.Index(keys, fieldPath, list, out var problem);
            if (items is null)
            {
                if (strict && problem is not null)
                {
                    throw new PatchException($"{PathElements.Display(path)}: {problem}");
                }

                set.Insert(path);
                return;
            }

            foreach (var item in items)
            {
                path.Add(item.Element);
                set.Insert(path);
                if (item.Node is JsonObject fields)
                {
                    Map(fields, path, fieldPath);
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static FieldSet BuildNeverOwned()
    {
        var set = new FieldSet();
        foreach (var path in NeverOwned)
        {
            set.Insert(path);
        }

        return set;
    }
}
