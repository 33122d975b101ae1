using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Api.Schemas;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>Paths that are not resources: /version, health, discovery (/api, /apis, group-versions) and OpenAPI.</summary>
internal sealed class NonResourceEndpoints(ClusterState cluster)
{
    public static bool Handles(string path) => Parts(path) is ["version"] or ["healthz"] or ["livez"] or ["readyz"]
        or ["api"] or ["apis"] or ["apis", _] or ["api", _] or ["apis", _, _] or ["openapi", "v2"] or ["openapi", "v3", ..];

    public async Task HandleAsync(HttpContext context, string path)
    {
        var parts = Parts(path);
        if (parts is ["healthz"] or ["livez"] or ["readyz"])
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted);
            return;
        }

        if (parts is ["openapi", "v2"] && context.Request.Headers.Accept.ToString().Contains("protobuf", StringComparison.OrdinalIgnoreCase))
        {
            var encoded = OpenApi.V2Protobuf(cluster.Registry.Types, cluster.Registry.CustomSchemas);
            context.Response.ContentType = OpenApiV2Protobuf.ContentType;
            context.Response.ContentLength = encoded.Length;
            await context.Response.Body.WriteAsync(encoded, context.RequestAborted);
            return;
        }

        var aggregated = parts is ["api"] or ["apis"] && AcceptHeader.WantsAggregatedDiscovery(context.Request.Headers.Accept.ToString());
        var answer = Answer(parts, aggregated, context.Request.Host.ToString());
        await Responses.WriteAsync(context, 200, answer, aggregated ? AcceptHeader.AggregatedDiscovery : Responses.Json);
    }

    private JsonObject Answer(string[] parts, bool aggregated, string host)
    {
        var types = cluster.Registry.Types;
        var schemas = cluster.Registry.CustomSchemas;
        return parts switch
        {
            ["version"] => Discovery.Version(),
            ["api"] when aggregated => Discovery.Aggregated(true, types),
            ["api"] => Discovery.CoreVersions(host),
            ["apis"] when aggregated => Discovery.Aggregated(false, types),
            ["apis"] => Discovery.GroupList(types),
            ["apis", var group] => Group(group, types),
            ["api", var version] => Discovery.ResourceList("", version, types) ?? throw ApiException.PathNotFound(),
            ["apis", var group, var version] => Discovery.ResourceList(group, version, types) ?? throw ApiException.PathNotFound(),
            ["openapi", "v2"] => OpenApi.V2(types, schemas),
            ["openapi", "v3"] => OpenApi.V3Index(types, schemas),
            ["openapi", "v3", .. var rest] => OpenApi.V3(string.Join('/', rest), types, schemas) ?? throw ApiException.PathNotFound(),
            _ => throw ApiException.PathNotFound(),
        };
    }

    private static JsonObject Group(string group, IReadOnlyCollection<ResourceType> types)
    {
        var found = (Discovery.GroupList(types)["groups"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(g => g["name"].ScalarText() == group) ?? throw ApiException.PathNotFound();
        var answer = (JsonObject)found.DeepClone();
        answer["kind"] = "APIGroup";
        answer["apiVersion"] = "v1";
        return answer;
    }

    private static string[] Parts(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
