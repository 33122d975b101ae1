using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeEmulator.Api.Schemas;

namespace KubeEmulator.Api;

/// <summary>
/// OpenAPI documents generated from the served types: v2 (/openapi/v2) and v3 (/openapi/v3 index and
/// /openapi/v3/{apis/group/version|api/v1}), enough for kubectl's default validation, explain and apply.
/// Custom resources take their schema from the CRD (customSchemas: type → openAPIV3Schema).
/// Each call returns a fresh copy the caller may change; generation is cached per distinct input.
/// </summary>
public static class OpenApi
{
    public static JsonObject V2(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) =>
        Parse(V2Json(types, customSchemas));

    /// <summary>
    /// /openapi/v2 as kubectl asks for it (Accept: <see cref="OpenApiV2Protobuf.ContentType"/>): the gnostic
    /// protobuf encoding of <see cref="V2"/>. kubectl 1.27 and 1.28 validate with it; later versions fall back to it.
    /// </summary>
    public static byte[] V2Protobuf(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) =>
        OpenApiCache.GetOrBuild("v2pb", types, customSchemas, () => OpenApiV2Protobuf.Encode(Parse(V2Json(types, customSchemas))));

    /// <summary>The /openapi/v3 index: {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}.</summary>
    public static JsonObject V3Index(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        var paths = new JsonObject();
        foreach (var group in types.GroupBy(GroupVersionPath))
        {
            var hash = Convert.ToHexString(SHA512.HashData(V3Json(group.Key, [.. group], customSchemas)));
            paths[group.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{group.Key}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>One group-version's v3 document ("api/v1", "apis/apps/v1"), null when not served.</summary>
    public static JsonObject? V3(string groupVersionPath, IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        var path = groupVersionPath.Trim('/');
        var served = types.Where(t => GroupVersionPath(t) == path).ToList();
        return served.Count == 0 ? null : Parse(V3Json(path, served, customSchemas));
    }

    private static byte[] V2Json(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) =>
        OpenApiCache.GetOrBuild("v2", types, customSchemas, () => Serialize(OpenApiDocument.Build(OpenApiFlavor.V2, types, customSchemas)));

    private static byte[] V3Json(string path, IReadOnlyList<ResourceType> served, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) =>
        OpenApiCache.GetOrBuild("v3:" + path, served, customSchemas, () => Serialize(OpenApiDocument.Build(OpenApiFlavor.V3, served, customSchemas)));

    private static byte[] Serialize(JsonObject document) => JsonSerializer.SerializeToUtf8Bytes(document);

    private static JsonObject Parse(byte[] json) => JsonNode.Parse(json)!.AsObject();

    private static string GroupVersionPath(ResourceType type) => type.Group.Length == 0 ? "api/v1" : $"apis/{type.Group}/{type.Version}";
}
