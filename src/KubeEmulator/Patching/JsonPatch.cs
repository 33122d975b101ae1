using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>RFC 6902 JSON patch (application/json-patch+json).</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations to a copy of the document and returns it; throws <see cref="PatchException"/>.</summary>
    public static JsonNode Apply(JsonNode document, JsonArray operations) => throw new NotImplementedException();
}
