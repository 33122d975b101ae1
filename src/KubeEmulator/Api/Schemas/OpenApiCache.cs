using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// Generated documents by a key that covers everything they are built from (the types and the custom schemas),
/// so the reflection runs once per distinct set of inputs. Each caller gets its own copy to serialize or change.
/// </summary>
public static class OpenApiCache
{
    private const int MaxEntries = 512;
    private static readonly ConcurrentDictionary<string, string> Documents = new(StringComparer.Ordinal);

    public static JsonObject GetOrBuild(string purpose, IEnumerable<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas, Func<JsonObject> build) =>
        JsonNode.Parse(GetOrBuildText(purpose, types, customSchemas, build))!.AsObject();

    /// <summary>The serialized document, for hashing without another parse.</summary>
    public static string GetOrBuildText(string purpose, IEnumerable<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas, Func<JsonObject> build)
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

        return Documents.GetOrAdd(key, _ => build().ToJsonString());
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
