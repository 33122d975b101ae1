using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>RFC 7386 JSON merge patch (application/merge-patch+json).</summary>
public static class MergePatch
{
    /// <summary>Returns a new document: the target with the patch merged in (null deletes a key, lists replace).</summary>
    public static JsonNode Apply(JsonNode target, JsonNode patch) => Merge(target, patch) ?? new JsonObject();

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject changes)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject map ? (JsonObject)map.DeepClone() : new JsonObject();
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name], value);
            }
        }

        return result;
    }
}
