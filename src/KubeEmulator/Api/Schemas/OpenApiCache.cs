using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// Generated documents (serialized) by a key that covers everything they are built from (the types and the
/// custom schemas), so the reflection runs once per distinct set of inputs.
/// </summary>
public static class OpenApiCache
{
    private const int MaxEntries = 512;
    private static readonly ConcurrentDictionary<string, byte[]> Documents = new(StringComparer.Ordinal);

    public static byte[] GetOrBuild(string purpose, IEnumerable<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas, Func<byte[]> build)
    {
        var key = Key(purpose, types, customSchemas);
        if (Documents.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Documents.Count >= MaxEntries)
        {
            Documents.Clear();
        }

        return Documents.GetOrAdd(key, _ => build());
    }

    private static string Key(string purpose, IEnumerable<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        var key = new StringBuilder(purpose);
        foreach (var type in types)
        {
            key.Append('|').Append(type.Group).Append('/').Append(type.Version).Append('/').Append(type.Kind)
                .Append('/').Append(type.Plural).Append('/').Append(type.Namespaced).Append('/').Append(type.HasStatus)
                .Append('/').Append(type.ModelType?.FullName);
            if (type.ModelType is null && customSchemas.TryGetValue(type, out var schema))
            {
                key.Append('/').Append(schema.ToJsonString());
            }
        }

        return key.ToString();
    }
}
