using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>How the items of one list are told apart: by key fields, by value (a set), or not at all (atomic).</summary>
internal enum ListKind
{
    Atomic,
    Keyed,
    Set,
}

/// <summary>A list item with its path element ("k:{...}" or "v:...").</summary>
internal sealed record ListItem(string Element, JsonNode? Node);

/// <summary>Identifies the items of keyed lists and sets through the list-key table.</summary>
internal static class ListItems
{
    public static ListKind KindOf(IListKeyResolver keys, IReadOnlyList<string> fieldPath) =>
        KeysOf(keys, fieldPath) is not null ? ListKind.Keyed
        : ResolverFor(keys, fieldPath).IsSet(fieldPath) ? ListKind.Set
        : ListKind.Atomic;

    /// <summary>The key fields of a keyed list, or null.</summary>
    public static IReadOnlyList<string>? KeysOf(IListKeyResolver keys, IReadOnlyList<string> fieldPath) =>
        ResolverFor(keys, fieldPath).KeysFor(fieldPath);

    /// <summary>True for a map owned and replaced as a whole by server-side apply.</summary>
    public static bool IsAtomicMap(IListKeyResolver keys, IReadOnlyList<string> fieldPath) =>
        ResolverFor(keys, fieldPath).IsAtomicMap(fieldPath);

    /// <summary>metadata is the same for every kind (a CRD's schema does not describe it), so the built-in table answers for it.</summary>
    private static IListKeyResolver ResolverFor(IListKeyResolver keys, IReadOnlyList<string> fieldPath) =>
        fieldPath is ["metadata", ..] ? BuiltInListKeys.Instance : keys;

    /// <summary>
    /// The items with their path elements, or null with a reason when the list cannot be merged item by item
    /// (an item without its key, a duplicate); atomic lists always give null.
    /// </summary>
    public static IReadOnlyList<ListItem>? Index(IListKeyResolver keys, IReadOnlyList<string> fieldPath, JsonArray list, out string? problem)
    {
        problem = null;
        var kind = KindOf(keys, fieldPath);
        if (kind == ListKind.Atomic)
        {
            return null;
        }

        var items = new List<ListItem>(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var element = kind == ListKind.Keyed
                ? KeyElement(keys, fieldPath, list[i], i, out problem)
                : ValueElement(list[i], i, out problem);
            if (element is null)
            {
                return null;
            }

            if (!seen.Add(element))
            {
                problem = $"duplicate entries for key {PathElements.Display([element])}";
                return null;
            }

            items.Add(new ListItem(element, list[i]));
        }

        return items;
    }

    /// <summary>The path element of one item, or null when it has no identity in this list.</summary>
    public static string? ElementOf(IListKeyResolver keys, IReadOnlyList<string> fieldPath, JsonNode? item) =>
        KindOf(keys, fieldPath) switch
        {
            ListKind.Keyed => KeyElement(keys, fieldPath, item, 0, out _),
            ListKind.Set => ValueElement(item, 0, out _),
            _ => null,
        };

    private static string? KeyElement(IListKeyResolver keys, IReadOnlyList<string> fieldPath, JsonNode? item, int index, out string? problem)
    {
        problem = null;
        if (item is not JsonObject fields)
        {
            problem = $"element {index}: associative list with keys has an element that is not a map";
            return null;
        }

        var key = new JsonObject();
        var resolver = ResolverFor(keys, fieldPath);
        foreach (var name in resolver.KeysFor(fieldPath)!.Order(StringComparer.Ordinal))
        {
            var value = fields.TryGetPropertyValue(name, out var given) && given is not null ? given : resolver.KeyDefault(fieldPath, name);
            if (value is null)
            {
                problem = $"element {index}: associative list with keys has an element that omits key field \"{name}\" (and doesn't have default value)";
                return null;
            }

            key[name] = value.DeepClone();
        }

        return PathElements.Key(key);
    }

    private static string? ValueElement(JsonNode? item, int index, out string? problem)
    {
        problem = null;
        if (item is JsonValue value)
        {
            return PathElements.Value(value);
        }

        problem = $"element {index}: associative list without keys has an element that's a map or list";
        return null;
    }
}
