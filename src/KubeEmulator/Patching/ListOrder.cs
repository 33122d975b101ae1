using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// Honours a strategic merge patch's $setElementOrder: the items it names take the slots such items occupy,
/// in the order given; items it does not name keep their place.
/// </summary>
internal static class ListOrder
{
    public static void Apply(JsonArray list, JsonArray order, IReadOnlyList<string> fieldPath, IListKeyResolver keys)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in order.Select(item => ElementOf(item, fieldPath, keys)).OfType<string>())
        {
            rank.TryAdd(element, rank.Count);
        }

        var nodes = list.Select(node => node?.DeepClone()).ToList();
        var slots = Enumerable.Range(0, nodes.Count)
            .Where(i => ElementOf(nodes[i], fieldPath, keys) is { } element && rank.ContainsKey(element))
            .ToList();
        var ordered = slots.OrderBy(i => rank[ElementOf(nodes[i], fieldPath, keys)!]).Select(i => nodes[i]).ToList();
        for (var k = 0; k < slots.Count; k++)
        {
            nodes[slots[k]] = ordered[k];
        }

        list.Clear();
        foreach (var node in nodes)
        {
            list.Add(node);
        }
    }

    private static string? ElementOf(JsonNode? item, IReadOnlyList<string> fieldPath, IListKeyResolver keys) =>
        ListItems.KindOf(keys, fieldPath) == ListKind.Atomic && item is JsonValue value
            ? PathElements.Value(value)
            : ListItems.ElementOf(keys, fieldPath, item);
}
