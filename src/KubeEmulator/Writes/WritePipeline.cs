using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Patching;
using KubeEmulator.Registry;
using KubeEmulator.Semantics;

namespace KubeEmulator.Writes;

/// <summary>
/// Turns what a client sent into the object the server stores, as the real API server's registry does: server-owned
/// metadata, status/spec separation, unknown fields, defaults, validation, generation and managedFields.
/// </summary>
internal sealed class WritePipeline(ClusterState cluster)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public PreparedWrite Prepare(ServedType served, string? urlNamespace, JsonObject? existing, JsonObject candidate, WriteOptions options)
    {
        var type = served.Type;
        var metadata = candidate.Metadata();
        candidate["apiVersion"] = type.ApiVersion;
        candidate["kind"] = type.Kind;
        SetNamespace(type, metadata, urlNamespace);
        HandleUnknownFields(served, candidate, options);

        if (existing is null)
        {
            PrepareCreate(served, candidate, metadata, options);
        }
        else
        {
            candidate = PrepareUpdate(type, existing, candidate, options);
        }

        ApplyDefaults(served, existing, candidate);
        Validate(served, existing, candidate);
        if (existing is not null && GenerationTracking.Tracks(served))
        {
            candidate.Metadata()["generation"] = NextGeneration(existing, candidate);
        }

        if (!options.ManagedFieldsSet)
        {
            candidate = ManagedFieldsTracker.RecordUpdate(existing, candidate, options.Manager, options.Now, type.ApiVersion, options.Subresource, TypeRegistry.ListKeys(served));
        }

        if (type.Group == "apiextensions.k8s.io" && type.Kind == "CustomResourceDefinition")
        {
            candidate["status"] = CrdDefinition.EstablishedStatus(candidate, existing, options.Now);
        }

        var removeNow = existing?.StringAt("metadata", "deletionTimestamp") is not null && candidate.Finalizers().Count == 0;
        return new PreparedWrite(candidate, existing is not null && SameContent(existing, candidate), removeNow);
    }

    private static void SetNamespace(ResourceType type, JsonObject metadata, string? urlNamespace)
    {
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var bodyNamespace = metadata["namespace"].ScalarText();
        if (string.IsNullOrEmpty(bodyNamespace))
        {
            metadata["namespace"] = urlNamespace;
        }
        else if (bodyNamespace != urlNamespace)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    private static void HandleUnknownFields(ServedType served, JsonObject candidate, WriteOptions options)
    {
        var unknown = served.Schema is { } schema
            ? schema.Prune(candidate)
            : UnknownFields.Find(served.Type, candidate);
        if (unknown.Count == 0)
        {
            return;
        }

        var paths = unknown.Select(p => p.TrimStart('.')).ToList();
        switch (options.FieldValidation)
        {
            case FieldValidation.Strict:
                throw ApiException.BadRequest(UnknownFields.StrictErrorMessage(served.Type, paths));
            case FieldValidation.Warn:
                options.Warnings.AddRange(paths.Select(UnknownFields.WarningMessage));
                break;
            case FieldValidation.Ignore:
                break;
        }

        foreach (var path in unknown)
        {
            JsonFieldPath.Remove(candidate, path);
        }
    }

    private static void PrepareCreate(ServedType served, JsonObject candidate, JsonObject metadata, WriteOptions options)
    {
        var type = served.Type;
        if (string.IsNullOrEmpty(metadata["name"].ScalarText()) && metadata["generateName"].ScalarText() is { Length: > 0 } prefix)
        {
            metadata["name"] = prefix + RandomNameSuffix();
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubeJson.Timestamp(options.Now);
        if (GenerationTracking.Tracks(served))
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (type.HasStatus && options.Subresource is null)
        {
            candidate.Remove("status");
        }

        if (type.Group.Length == 0 && type.Kind == "Namespace")
        {
            candidate["status"] = new JsonObject { ["phase"] = "Active" };
        }
    }

    private static JsonObject PrepareUpdate(ResourceType type, JsonObject existing, JsonObject candidate, WriteOptions options)
    {
        if (options.Subresource == "status")
        {
            var statusWrite = existing.Clone();
            statusWrite["status"] = candidate["status"]?.DeepClone();
            if (candidate.Metadata()["managedFields"] is { } managed)
            {
                statusWrite.Metadata()["managedFields"] = managed.DeepClone();
            }

            candidate = statusWrite;
        }
        else if (type.HasStatus)
        {
            candidate["status"] = existing["status"]?.DeepClone();
            if (candidate["status"] is null)
            {
                candidate.Remove("status");
            }
        }

        var metadata = candidate.Metadata();
        var old = existing.Metadata();
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            metadata.Remove(field);
            if (old[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        if (metadata["managedFields"] is null && old["managedFields"] is { } oldManaged)
        {
            metadata["managedFields"] = oldManaged.DeepClone();
        }

        return candidate;
    }

    private void ApplyDefaults(ServedType served, JsonObject? existing, JsonObject candidate)
    {
        if (served.Schema is { } schema)
        {
            schema.ApplyDefaults(candidate);
            return;
        }

        if (existing is null)
        {
            Defaulter.Apply(served.Type, candidate, cluster.ClusterIps.Allocate);
        }
        else
        {
            Defaulter.ApplyUpdate(served.Type, existing, candidate, cluster.ClusterIps.Allocate);
        }
    }

    private static void Validate(ServedType served, JsonObject? existing, JsonObject candidate)
    {
        var causes = new List<StatusCause>(existing is null
            ? Validator.ValidateCreate(served.Type, candidate)
            : Validator.ValidateUpdate(served.Type, existing, candidate));
        if (served.Schema is { } schema)
        {
            causes.AddRange(schema.Validate(candidate));
        }

        if (causes.Count > 0)
        {
            throw ApiException.Invalid(served.Type, candidate.Name(), causes);
        }
    }

    private static long NextGeneration(JsonObject existing, JsonObject candidate)
    {
        var generation = existing["metadata"]?["generation"].Int64() ?? 1;
        var keys = existing.Select(p => p.Key).Concat(candidate.Select(p => p.Key))
            .Where(k => k is not ("metadata" or "status" or "apiVersion" or "kind"))
            .Distinct(StringComparer.Ordinal);
        return keys.Any(k => !JsonNode.DeepEquals(existing[k], candidate[k])) ? generation + 1 : generation;
    }

    private static bool SameContent(JsonObject existing, JsonObject candidate) =>
        JsonNode.DeepEquals(Comparable(existing), Comparable(candidate));

    private static JsonObject Comparable(JsonObject obj)
    {
        var copy = obj.Clone();
        var metadata = copy.Metadata();
        metadata.Remove("resourceVersion");
        foreach (var entry in (metadata["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            entry.Remove("time");
        }

        return copy;
    }

    private static string RandomNameSuffix() =>
        string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameAlphabet[RandomNumberGenerator.GetInt32(NameAlphabet.Length)];
            }
        });
}
