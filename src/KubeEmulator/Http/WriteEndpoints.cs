using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Patching;
using KubeEmulator.Registry;
using KubeEmulator.Security;
using KubeEmulator.Storage;
using KubeEmulator.Writes;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>create, update and patch (JSON, merge, strategic, server-side apply), with dryRun and optimistic concurrency.</summary>
internal sealed class WriteEndpoints(ClusterState cluster, WritePipeline pipeline, ObjectRemover remover, OrphanCollector orphans, WriteAuthorization authorization)
{
    private const string ApplyPatch = "application/apply-patch+yaml";

    public async Task CreateAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        CheckKind(served.Type, body);
        WrongTypes.CheckBody(served, body);
        RequireNamespace(served, route.Namespace);
        var options = Options(context.Request, route.Subresource, managedFieldsSet: false);
        var prepared = pipeline.Prepare(served, route.Namespace, null, body, options);
        authorization.ConfirmNoEscalation(context, route, served, prepared.Object);
        var name = prepared.Object.Name();
        if (name.Length == 0)
        {
            throw ApiException.Invalid(served.Type, "", [new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]);
        }

        JsonObject result;
        if (options.DryRun)
        {
            result = cluster.Store.Get(served.StoreKey, route.Namespace, name) is null ? prepared.Object : throw ApiException.AlreadyExists(served.Type, name);
        }
        else
        {
            var (outcome, stored) = cluster.Store.Put(served.StoreKey, prepared.Object, null);
            result = outcome == StoreOutcome.Written ? stored! : throw ApiException.AlreadyExists(served.Type, name);
            AfterWrite(served, result);
        }

        await RespondAsync(context, 201, served, result, options);
    }

    public async Task UpdateAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        CheckKind(served.Type, body);
        WrongTypes.CheckBody(served, body);
        CheckName(body, route.Name!);
        var options = Options(context.Request, route.Subresource, managedFieldsSet: false);
        var precondition = body.ResourceVersion();
        while (true)
        {
            var existing = cluster.Store.Get(served.StoreKey, route.Namespace, route.Name!) ?? throw ApiException.NotFound(served.Type, route.Name!);
            if (!string.IsNullOrEmpty(precondition) && precondition != existing.ResourceVersion())
            {
                throw ApiException.Conflict(served.Type, route.Name!);
            }

            var prepared = pipeline.Prepare(served, route.Namespace, existing, body.Clone(), options);
            authorization.ConfirmNoEscalation(context, route, served, prepared.Object);
            if (Commit(served, existing, prepared, options) is { } result)
            {
                await RespondAsync(context, 200, served, result, options);
                return;
            }

            if (!string.IsNullOrEmpty(precondition))
            {
                throw ApiException.Conflict(served.Type, route.Name!);
            }
        }
    }

    public async Task PatchAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var request = context.Request;
        var patchType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var apply = patchType == ApplyPatch;
        if (patchType is not ("application/json-patch+json" or "application/merge-patch+json" or ApplyPatch)
            && !(patchType == "application/strategic-merge-patch+json" && !served.IsCustom))
        {
            throw ApiException.UnsupportedMediaType(patchType);
        }

        var patch = await RequestBody.ReadAsync(request, context.RequestAborted) ?? throw ApiException.BadRequest("the patch body is empty");
        var manager = QueryOptions.Manager(request);
        if (apply && QueryOptions.Get(request, "fieldManager") is not { Length: > 0 })
        {
            throw ApiException.BadRequest("PATCH " + request.Path + ": fieldManager is required for apply requests");
        }

        var options = Options(request, route.Subresource, managedFieldsSet: apply);
        while (true)
        {
            var existing = cluster.Store.Get(served.StoreKey, route.Namespace, route.Name!);
            if (existing is null && !apply)
            {
                throw ApiException.NotFound(served.Type, route.Name!);
            }

            if (existing is null)
            {
                authorization.RequireCreate(context, route);
            }

            var candidate = apply
                ? Apply(served, route, existing, patch, manager, QueryOptions.Flag(request, "force"), options)
                : Patch(served, existing!, patch, patchType);
            if (candidate.ResourceVersion() is { Length: > 0 } precondition && precondition != existing?.ResourceVersion())
            {
                throw ApiException.Conflict(served.Type, route.Name!);
            }

            var prepared = pipeline.Prepare(served, route.Namespace, existing, candidate, options);
            authorization.ConfirmNoEscalation(context, route, served, prepared.Object);
            if (Commit(served, existing, prepared, options) is { } result)
            {
                await RespondAsync(context, existing is null ? 201 : 200, served, result, options);
                return;
            }
        }
    }

    private JsonObject Apply(ServedType served, ApiRoute route, JsonObject? existing, JsonNode patch, string manager, bool force, WriteOptions options)
    {
        var applied = patch as JsonObject ?? throw ApiException.BadRequest("the apply patch must be an object");
        if (applied.StringAt("apiVersion") is not { Length: > 0 } || applied.StringAt("kind") is not { Length: > 0 })
        {
            throw ApiException.BadRequest("apiVersion and kind must be set in an apply patch");
        }

        CheckKind(served.Type, applied);
        CheckName(applied, route.Name!);
        if (served.Type.Namespaced && applied.Namespace() is { Length: > 0 } ns && ns != route.Namespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (existing is null)
        {
            RequireNamespace(served, route.Namespace);
        }

        var config = applied.Clone();
        if (served.Type.HasStatus && route.Subresource is null)
        {
            config.Remove("status");
        }

        WrongTypes.CheckApplied(served, applied);
        ApplyResult result;
        try
        {
            result = ServerSideApply.Apply(existing?.Clone(), config,
                new ApplyRequest(manager, force, TypeRegistry.ListKeys(served), options.Now, served.Type.ApiVersion, route.Subresource));
        }
        catch (PatchException e)
        {
            throw PatchError(e);
        }

        if (result.Conflicts.Count > 0)
        {
            throw ApplyConflict.Error(served.Type, route.Name!, result.Conflicts);
        }

        WrongTypes.CheckMerged(served, applied, result.Object);
        return result.Object;
    }

    private static JsonObject Patch(ServedType served, JsonObject existing, JsonNode patch, string patchType)
    {
        try
        {
            var patched = patchType switch
            {
                "application/json-patch+json" => JsonPatch.Apply(existing.Clone(), patch as JsonArray ?? throw ApiException.BadRequest("a JSON patch must be a list of operations")),
                "application/merge-patch+json" => MergePatch.Apply(existing.Clone(), patch),
                _ => StrategicMergePatch.Apply(existing.Clone(), patch as JsonObject ?? throw ApiException.BadRequest("a strategic merge patch must be an object"), TypeRegistry.ListKeys(served)),
            } as JsonObject ?? throw ApiException.BadRequest("the patched document is not an object");
            if (patchType == "application/strategic-merge-patch+json")
            {
                WrongTypes.CheckStrategic(served, patch, patched);
            }
            else
            {
                WrongTypes.CheckPatched(served, patched);
            }

            return patched;
        }
        catch (PatchException e)
        {
            throw PatchError(e);
        }
    }

    private static ApiException PatchError(PatchException e) =>
        new(e.StatusCode, e.StatusCode == 400 ? "BadRequest" : "Invalid", e.Message);

    /// <summary>Stores the prepared write; null when the stored object moved meanwhile and the write must be redone.</summary>
    private JsonObject? Commit(ServedType served, JsonObject? existing, PreparedWrite prepared, WriteOptions options)
    {
        if (existing is not null && prepared.Unchanged)
        {
            return existing;
        }

        if (options.DryRun)
        {
            return prepared.Object;
        }

        if (existing is not null && prepared.RemoveNow)
        {
            var (removeOutcome, _) = cluster.Store.Put(served.StoreKey, prepared.Object, existing.ResourceVersion());
            return removeOutcome == StoreOutcome.Written ? remover.Remove(served, prepared.Object) ?? prepared.Object : null;
        }

        var (outcome, stored) = cluster.Store.Put(served.StoreKey, prepared.Object, existing?.ResourceVersion());
        if (outcome != StoreOutcome.Written)
        {
            return null;
        }

        AfterWrite(served, stored!);
        return stored;
    }

    private void AfterWrite(ServedType served, JsonObject stored)
    {
        if (served.Type is { Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition" })
        {
            cluster.Registry.Define(stored.Name(), CrdDefinition.ServedTypes(stored));
        }

        orphans.CollectIfOrphaned(served, stored);
    }

    private void RequireNamespace(ServedType served, string? ns)
    {
        if (!served.Type.Namespaced || ns is null)
        {
            return;
        }

        var live = cluster.Store.Get(cluster.Registry.Namespaces.StoreKey, null, ns) ?? throw ApiException.NamespaceNotFound(ns);
        if (live.StringAt("metadata", "deletionTimestamp") is not null)
        {
            throw new ApiException(403, "Forbidden", $"{served.Type.QualifiedPlural} is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                new StatusDetails("", served.Type.Group, served.Type.Plural));
        }
    }

    private WriteOptions Options(HttpRequest request, string? subresource, bool managedFieldsSet) =>
        new(subresource, QueryOptions.Manager(request), QueryOptions.FieldValidation(request), QueryOptions.DryRun(request), managedFieldsSet, cluster.Now);

    private static void CheckKind(ResourceType type, JsonObject body)
    {
        var kind = body.StringAt("kind");
        var apiVersion = body.StringAt("apiVersion");
        if ((!string.IsNullOrEmpty(kind) && kind != type.Kind) || (!string.IsNullOrEmpty(apiVersion) && GroupOf(apiVersion) != type.Group))
        {
            throw ApiException.BadRequest($"the object provided is unrecognized (must be of type {type.Kind}): {apiVersion}, Kind={kind}");
        }
    }

    private static string GroupOf(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    private static void CheckName(JsonObject body, string urlName)
    {
        var name = body.Name();
        if (name.Length == 0)
        {
            body.Metadata()["name"] = urlName;
        }
        else if (name != urlName)
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({urlName})");
        }
    }

    private static Task RespondAsync(HttpContext context, int status, ServedType served, JsonObject result, WriteOptions options)
    {
        Responses.AddWarnings(context, options.Warnings);
        return Responses.WriteAsync(context, status, ObjectViews.InRequestedVersion(served, result));
    }
}
