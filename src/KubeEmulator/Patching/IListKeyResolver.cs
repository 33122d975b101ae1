using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// Tells how a list at a field path merges: the key fields of a map-list (e.g. containers by "name"),
/// or null when the list is atomic. The path is the chain of field names from the object root, list
/// items contributing no segment: ["spec", "template", "spec", "containers", "ports"].
/// </summary>
public interface IListKeyResolver
{
    IReadOnlyList<string>? KeysFor(IReadOnlyList<string> fieldPath);

    /// <summary>True for a list merged as a set of scalars (x-kubernetes-list-type: set, e.g. finalizers).</summary>
    bool IsSet(IReadOnlyList<string> fieldPath);

    /// <summary>The value a key field takes when an item omits it (container ports: protocol "TCP"), or null.</summary>
    JsonNode? KeyDefault(IReadOnlyList<string> fieldPath, string key) => null;

    /// <summary>
    /// True for a map or struct that server-side apply treats as one value (x-kubernetes-map-type atomic, e.g. a
    /// label selector): owned, compared and replaced as a whole.
    /// </summary>
    bool IsAtomicMap(IReadOnlyList<string> fieldPath) => false;
}
