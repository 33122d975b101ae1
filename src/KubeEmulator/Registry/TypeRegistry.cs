using System.Collections.Frozen;
using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Patching;

namespace KubeEmulator.Registry;

/// <summary>The resources the server answers for: the built-in table plus the versions served by established CRDs.</summary>
internal sealed class TypeRegistry
{
    private readonly Lock gate = new();
    private readonly IReadOnlyList<ServedType> builtIns = BuiltInResources.All.Select(t => new ServedType(t, null, null, null)).ToList();
    private readonly Dictionary<string, IReadOnlyList<ServedType>> customByCrd = new(StringComparer.Ordinal);
    private Snapshot current;

    public TypeRegistry() => current = Build();

    public IReadOnlyCollection<ResourceType> Types => current.Types;

    public IReadOnlyDictionary<ResourceType, JsonObject> CustomSchemas => current.CustomSchemas;

    public ServedType? Find(string group, string version, string plural) =>
        current.ByPath.GetValueOrDefault($"{group}/{version}/{plural}");

    public ServedType Namespaces => Find("", "v1", "namespaces")!;

    /// <summary>Any served version of the collection, for work that spans kinds (garbage collection).</summary>
    public ServedType? ByStoreKey(string storeKey) => current.ByStoreKey.GetValueOrDefault(storeKey);

    /// <summary>A served version of the kind named by an ownerReference's apiVersion and kind.</summary>
    public ServedType? ByKind(string apiVersion, string kind) =>
        current.ByKind.GetValueOrDefault($"{GroupOf(apiVersion)}/{kind}");

    public static IListKeyResolver ListKeys(ServedType served) => served.Schema?.ListKeys ?? BuiltInListKeys.Instance;

    /// <summary>Serves (or re-serves, after a change) the versions of a CRD.</summary>
    public void Define(string crdName, IReadOnlyList<ServedType> types)
    {
        lock (gate)
        {
            customByCrd[crdName] = types;
            current = Build();
        }
    }

    public void Remove(string crdName)
    {
        lock (gate)
        {
            customByCrd.Remove(crdName);
            current = Build();
        }
    }

    private Snapshot Build()
    {
        var served = builtIns.Concat(customByCrd.Values.SelectMany(v => v)).ToList();
        var byPath = new Dictionary<string, ServedType>(StringComparer.Ordinal);
        var byStoreKey = new Dictionary<string, ServedType>(StringComparer.Ordinal);
        var byKind = new Dictionary<string, ServedType>(StringComparer.Ordinal);
        foreach (var s in served)
        {
            byPath.TryAdd($"{s.Type.Group}/{s.Type.Version}/{s.Type.Plural}", s);
            byStoreKey.TryAdd(s.StoreKey, s);
            byKind.TryAdd($"{s.Type.Group}/{s.Type.Kind}", s);
        }

        var schemas = served.Where(s => s.OpenApiSchema is not null).ToDictionary(s => s.Type, s => s.OpenApiSchema!);
        return new Snapshot(served.Select(s => s.Type).ToList(), byPath.ToFrozenDictionary(), byStoreKey.ToFrozenDictionary(), byKind.ToFrozenDictionary(), schemas);
    }

    private static string GroupOf(string apiVersion) =>
        apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    private sealed record Snapshot(
        IReadOnlyCollection<ResourceType> Types,
        FrozenDictionary<string, ServedType> ByPath,
        FrozenDictionary<string, ServedType> ByStoreKey,
        FrozenDictionary<string, ServedType> ByKind,
        IReadOnlyDictionary<ResourceType, JsonObject> CustomSchemas);
}
