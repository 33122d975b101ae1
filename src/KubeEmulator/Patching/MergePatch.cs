using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>RFC 7386 JSON merge patch (application/merge-patch+json).</summary>
public static class MergePatch
{
    /// <summary>Returns a new document: the target with the patch merged in (null deletes a key, lists replace).</summary>
    public static JsonNode Apply(JsonNode target, JsonNode patch) => throw new NotImplementedException();
}
