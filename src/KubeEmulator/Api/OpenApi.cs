using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeEmulator.Api.Schemas;

namespace KubeEmulator.Api;

/// <summary>
/// OpenAPI documents generated from the served types: v2 (/openapi/v2) and v3 (/openapi/v3 index and
/// /openapi/v3/{apis/group/version|api/v1}), enough for kubectl's default validation, explain and apply.
/// Custom resources take their schema from the CRD (customSchemas: type → openAPIV3Schema).
/// </summary>
public static class OpenApi
{
    public static JsonObject V2(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) =>
        OpenApiCache.GetOrBuild("v2", types, customSchemas, () => OpenApiDocument.Build(OpenApiFlavor.V2, types, customSchemas));

    /// <summary>The /openapi/v3 index: {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}.</summary>
    public static JsonObject V3Index(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        var paths = new JsonObject();
        foreach (var group in types.GroupBy(GroupVersionPath))
        {
            var text = V3Text(group.Key, [.. group], customSchemas);
            var hash = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(text)));
            paths[group.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{group.Key}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>One group-version's v3 document ("api/v1", "apis/apps/v1"), null when not served.</summary>
    public static JsonObject? V3(string groupVersionPath, IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        var path = groupVersionPath.Trim('/');
        var served = types.Where(t => GroupVersionPath(t) == path).ToList();
        return served.Count == 0 ? null : JsonNode.Parse(V3Text(path, served, customSchemas))!.AsObject();
    }

    private static string V3Text(string path, IReadOnlyList<ResourceType> served, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) =>
        OpenApiCache.GetOrBuildText("v3:" + path, served, customSchemas, () => OpenApiDocument.Build(OpenApiFlavor.V3, served, customSchemas));

    private static string GroupVersionPath(ResourceType type) => type.Group.Length == 0 ? "api/v1" : $"apis/{type.Group}/{type.Version}";
}
