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
/// The scale subresource (get, update, JSON, merge or strategic patch, and server-side apply of an autoscaling/v1 Scale), as
/// <c>kubectl scale</c> and autoscalers use it: a write changes only the object's replicas.
/// </summary>
internal sealed class ScaleEndpoints(ClusterState cluster, WritePipeline pipeline)
{
    private const string ApplyPatch = "application/apply-patch+yaml";

    public Task GetAsync(HttpContext context, ApiRoute route, ServedType served) =>
        Responses.WriteAsync(context, 200, ScaleView.Of(served.Type, Existing(route, served)));

    public async Task UpdateAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var scale = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await WriteAsync(context, route, served, Options(context.Request, route, managedFieldsSet: false),
            existing => ScaleView.Applied(served.Type, existing, scale));
    }

    public async Task PatchAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var request = context.Request;
        var patchType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (patchType is not ("application/json-patch+json" or "application/merge-patch+json" or "application/strategic-merge-patch+json" or ApplyPatch))
        {
            throw ApiException.UnsupportedMediaType(patchType);
        }

        var patch = await RequestBody.ReadAsync(request, context.RequestAborted) ?? throw ApiException.BadRequest("the patch body is empty");
        if (patchType != ApplyPatch)
        {
            await WriteAsync(context, route, served, Options(request, route, managedFieldsSet: false),
                existing => ScaleView.Applied(served.Type, existing, Patched(ScaleView.Of(served.Type, existing), patch, patchType)));
            return;
        }

        if (QueryOptions.Get(request, "fieldManager") is not { Length: > 0 })
        {
            throw ApiException.BadRequest("PATCH " + request.Path + ": fieldManager is required for apply requests");
        }

        var options = Options(request, route, managedFieldsSet: true);
        var scale = patch as JsonObject ?? throw ApiException.BadRequest("the apply patch must be an object");
        await WriteAsync(context, route, served, options, existing => Applied(served, route, existing, scale, options, QueryOptions.Flag(request, "force")));
    }

    /// <summary>
    /// Applies the Scale's replicas to the object as the manager's apply through the scale subresource; a Scale
    /// without replicas only gives up the manager's ownership of them.
    /// </summary>
    private static JsonObject Applied(ServedType served, ApiRoute route, JsonObject existing, JsonObject scale, WriteOptions options, bool force)
    {
        var config = new JsonObject
        {
            ["apiVersion"] = served.Type.ApiVersion,
            ["kind"] = served.Type.Kind,
            ["metadata"] = new JsonObject { ["name"] = existing.Name() },
        };
        if (scale["spec"]?["replicas"] is { } replicas)
        {
            JsonFieldPath.Set(config, served.Type.Scale!.SpecReplicasPath, replicas.DeepClone());
        }

        var result = ServerSideApply.Apply(existing.Clone(), config,
            new ApplyRequest(options.Manager, force, TypeRegistry.ListKeys(served), options.Now, served.Type.ApiVersion, route.Subresource));
        if (result.Conflicts.Count > 0)
        {
            throw ApplyConflict.Error(served.Type, route.Name!, result.Conflicts);
        }

        var effective = ScaleView.Of(served.Type, result.Object);
        foreach (var field in new[] { "name", "resourceVersion" })
        {
            if (scale["metadata"]?[field] is { } value)
            {
                effective.Metadata()[field] = value.DeepClone();
            }
        }

        return ScaleView.Applied(served.Type, result.Object, effective);
    }

    private async Task WriteAsync(HttpContext context, ApiRoute route, ServedType served, WriteOptions options, Func<JsonObject, JsonObject> change)
    {
        while (true)
        {
            var existing = Existing(route, served);
            var candidate = change(existing);
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

    private WriteOptions Options(HttpRequest request, ApiRoute route, bool managedFieldsSet) =>
        new(route.Subresource, QueryOptions.Manager(request), QueryOptions.FieldValidation(request), QueryOptions.DryRun(request), managedFieldsSet, cluster.Now);

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
