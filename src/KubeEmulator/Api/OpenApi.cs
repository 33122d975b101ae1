using System.Text.Json.Nodes;

namespace KubeEmulator.Api;

/// <summary>
/// OpenAPI documents generated from the served types: v2 (/openapi/v2) and v3 (/openapi/v3 index and
/// /openapi/v3/{apis/group/version|api/v1}), enough for kubectl's default validation, explain and apply.
/// Custom resources take their schema from the CRD (customSchemas: type → openAPIV3Schema).
/// </summary>
public static class OpenApi
{
    public static JsonObject V2(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) => throw new NotImplementedException();

    /// <summary>The /openapi/v3 index: {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}.</summary>
    public static JsonObject V3Index(IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) => throw new NotImplementedException();

    /// <summary>One group-version's v3 document ("api/v1", "apis/apps/v1"), null when not served.</summary>
    public static JsonObject? V3(string groupVersionPath, IReadOnlyCollection<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas) => throw new NotImplementedException();
}
