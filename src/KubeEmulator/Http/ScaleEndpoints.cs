using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Patching;
using KubeEmulator.Registry;
using KubeEmulator.Storage;
using KubeEmulator.Writes;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>
/// The scale subresource (get, update, and JSON, merge or strategic patch of an autoscaling/v1 Scale), as
/// <c>kubectl scale</c> and autoscalers use it: a write changes only the object's replicas.
/// </summary>
internal sealed class ScaleEndpoints(ClusterState cluster, WritePipeline pipeline)
{
    public Task GetAsync(HttpContext context, ApiRoute route, ServedType served) =>
        Responses.WriteAsync(context, 200, ScaleView.Of(served.Type, Existing(route, served)));

    public async Task UpdateAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var scale = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await WriteAsync(context, route, served, _ => scale);
    }

    public async Task PatchAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var patchType = (context.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (patchType is not ("application/json-patch+json" or "application/merge-patch+json" or "application/strategic-merge-patch+json"))
        {
            throw ApiException.UnsupportedMediaType(patchType);
        }

        var patch = await RequestBody.ReadAsync(context.Request, context.RequestAborted) ?? throw ApiException.BadRequest("the patch body is empty");
        await WriteAsync(context, route, served, current => Patched(current, patch, patchType));
    }

    private async Task WriteAsync(HttpContext context, ApiRoute route, ServedType served, Func<JsonObject, JsonObject> desiredScale)
    {
        var request = context.Request;
        var options = new WriteOptions(route.Subresource, QueryOptions.Manager(request), QueryOptions.FieldValidation(request), QueryOptions.DryRun(request), false, cluster.Now);
        while (true)
        {
            var existing = Existing(route, served);
            var candidate = ScaleView.Applied(served.Type, existing, desiredScale(ScaleView.Of(served.Type, existing)));
            if (candidate.ResourceVersion() != existing.ResourceVersion())
            {
                throw ApiException.Conflict(served.Type, route.Name!);
            }

            var prepared = pipeline.Prepare(served, route.Namespace, existing, candidate, options);
            if (Commit(served, existing, prepared, options) is { } result)
            {
                Responses.AddWarnings(context, options.Warnings);
                await Responses.WriteAsync(context, 200, ScaleView.Of(served.Type, result));
                return;
            }
        }
    }

    /// <summary>Stores the write; null when the object moved meanwhile and the write must be redone.</summary>
    private JsonObject? Commit(ServedType served, JsonObject existing, PreparedWrite prepared, WriteOptions options)
    {
        if (prepared.Unchanged || options.DryRun)
        {
            return prepared.Unchanged ? existing : prepared.Object;
        }

        var (outcome, stored) = cluster.Store.Put(served.StoreKey, prepared.Object, existing.ResourceVersion());
        return outcome == StoreOutcome.Written ? stored : null;
    }

    private JsonObject Existing(ApiRoute route, ServedType served) =>
        cluster.Store.Get(served.StoreKey, route.Namespace, route.Name!) ?? throw ApiException.NotFound(served.Type, route.Name!);

    private static JsonObject Patched(JsonObject scale, JsonNode patch, string patchType)
    {
        try
        {
            var patched = patchType switch
            {
                "application/json-patch+json" => JsonPatch.Apply(scale, patch as JsonArray ?? throw ApiException.BadRequest("a JSON patch must be a list of operations")),
                "application/merge-patch+json" => MergePatch.Apply(scale, patch),
                _ => StrategicMergePatch.Apply(scale, patch as JsonObject ?? throw ApiException.BadRequest("a strategic merge patch must be an object"), BuiltInListKeys.Instance),
            };
            return patched as JsonObject ?? throw ApiException.BadRequest("the patched document is not an object");
        }
        catch (PatchException e)
        {
            throw new ApiException(e.StatusCode, e.StatusCode == 400 ? "BadRequest" : "Invalid", e.Message);
        }
    }
}
