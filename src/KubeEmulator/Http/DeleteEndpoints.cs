using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Registry;
using KubeEmulator.Writes;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>delete and deletecollection, with DeleteOptions (propagationPolicy, preconditions, dryRun) from query or body.</summary>
internal sealed class DeleteEndpoints(ClusterState cluster, ObjectRemover remover)
{
    public async Task DeleteAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var options = await RequestBody.ReadAsync(context.Request, context.RequestAborted) as JsonObject ?? [];
        var existing = cluster.Store.Get(served.StoreKey, route.Namespace, route.Name!) ?? throw ApiException.NotFound(served.Type, route.Name!);
        CheckPreconditions(served, existing, options);
        var dryRun = QueryOptions.DryRun(context.Request, (options["dryRun"] as JsonArray ?? []).Select(v => v.ScalarText() ?? ""));
        if (dryRun)
        {
            await Responses.WriteAsync(context, 200, ObjectViews.InRequestedVersion(served, existing));
            return;
        }

        var (result, gone) = remover.Delete(served, existing, Policy(context.Request, options));
        JsonNode answer = gone
            ? StatusObjects.Success(new StatusDetails(existing.Name(), served.Type.Group, served.Type.Plural), existing.Uid())
            : ObjectViews.InRequestedVersion(served, result);
        await Responses.WriteAsync(context, 200, answer);
    }

    public async Task DeleteCollectionAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var options = await RequestBody.ReadAsync(context.Request, context.RequestAborted) as JsonObject ?? [];
        var selection = ObjectSelection.From(context.Request);
        var dryRun = QueryOptions.DryRun(context.Request, (options["dryRun"] as JsonArray ?? []).Select(v => v.ScalarText() ?? ""));
        var policy = Policy(context.Request, options);
        var page = cluster.Store.List(served.StoreKey, route.Namespace, selection.Matches, 0, null);
        if (!dryRun)
        {
            foreach (var obj in page.Items)
            {
                remover.Delete(served, obj, policy);
            }
        }

        await Responses.WriteAsync(context, 200, StatusObjects.Success(new StatusDetails("", served.Type.Group, served.Type.Plural), null));
    }

    private static void CheckPreconditions(ServedType served, JsonObject existing, JsonObject options)
    {
        if (options["preconditions"] is not JsonObject preconditions)
        {
            return;
        }

        var uid = preconditions.StringAt("uid");
        var resourceVersion = preconditions.StringAt("resourceVersion");
        if ((!string.IsNullOrEmpty(uid) && uid != existing.Uid()) || (!string.IsNullOrEmpty(resourceVersion) && resourceVersion != existing.ResourceVersion()))
        {
            throw ApiException.Conflict(served.Type, existing.Name());
        }
    }

    private static DeletionPolicy Policy(HttpRequest request, JsonObject options)
    {
        var text = QueryOptions.Get(request, "propagationPolicy") ?? options.StringAt("propagationPolicy");
        if (text is null && options["orphanDependents"]?.GetValue<bool>() == true)
        {
            return DeletionPolicy.Orphan;
        }

        return text switch
        {
            null or "" or "Background" => DeletionPolicy.Background,
            "Foreground" => DeletionPolicy.Foreground,
            "Orphan" => DeletionPolicy.Orphan,
            _ => throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{text}\": supported values: \"Foreground\", \"Background\", \"Orphan\""),
        };
    }
}
