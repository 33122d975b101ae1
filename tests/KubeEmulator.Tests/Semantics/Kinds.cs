using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Tests.Semantics;

/// <summary>Looks up built-in resource types and parses test manifests.</summary>
internal static class Kinds
{
    public static ResourceType Get(string apiVersion, string kind) =>
        BuiltInResources.All.Single(r => r.ApiVersion == apiVersion && r.Kind == kind);

    public static ResourceType Of(JsonObject obj) =>
        Get(obj["apiVersion"]!.GetValue<string>(), obj["kind"]!.GetValue<string>());

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The value at a dotted path ("spec.template.spec.containers.0.name"), or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                JsonArray array when int.TryParse(segment, out var i) => i < array.Count ? array[i] : null,
                JsonObject obj => obj[segment],
                _ => null,
            };
        }
        return node;
    }
}
