using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Rendered objects as a GitSync keeps them between reconciles: the same objects, each JSON tree swapped for one read
/// lazily from compact UTF-8. A re-check that finds nothing changed compares hashes and never opens the JSON, so a kept
/// render costs about its size in bytes instead of a tree of nodes per field.
/// </summary>
public static class KeptObjects
{
    public static IReadOnlyList<RenderedObject> Of(IReadOnlyList<RenderedObject> rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        return [.. rendered.Select(o => o with { Json = Compact(o.Json) })];
    }

    private static JsonObject Compact(JsonObject json)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            json.WriteTo(writer);
        }

        return JsonNode.Parse(output.WrittenSpan) as JsonObject ?? json;
    }
}
