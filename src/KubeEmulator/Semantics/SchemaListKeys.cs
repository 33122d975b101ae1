using KubeEmulator.Patching;

namespace KubeEmulator.Semantics;

/// <summary>A CRD's list merge keys: x-kubernetes-list-type map (with x-kubernetes-list-map-keys) and set.</summary>
internal sealed class SchemaListKeys(SchemaNode root) : IListKeyResolver
{
    public IReadOnlyList<string>? KeysFor(IReadOnlyList<string> fieldPath) =>
        At(fieldPath) is { ListType: "map", ListMapKeys.Count: > 0 } list ? list.ListMapKeys : null;

    public bool IsSet(IReadOnlyList<string> fieldPath) => At(fieldPath)?.ListType == "set";

    private SchemaNode? At(IReadOnlyList<string> fieldPath)
    {
        var node = root;
        foreach (var segment in fieldPath)
        {
            while (node.Items is { } items)
            {
                node = items;
            }
            var next = node.Properties.GetValueOrDefault(segment) ?? node.AdditionalProperties;
            if (next is null)
            {
                return null;
            }
            node = next;
        }
        return node;
    }
}
