using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Reading;

namespace GitOpsOperator.Manifests.Validation;

/// <summary>
/// Checks candidates the way the API server would before anything is sent: type, name, scope and namespace,
/// and no object declared twice. Namespaces are defaulted from the target namespace, and dropped from
/// cluster-scoped objects.
/// </summary>
internal sealed class ObjectValidator(IApiScope scope, string? targetNamespace)
{
    private readonly Dictionary<ObjectIdentity, SourceLocation> seen = [];

    public static (List<RenderedObject> Objects, List<RenderError> Errors) Validate(
        IReadOnlyList<ManifestCandidate> candidates, IApiScope clusterScope, string? targetNamespace)
    {
        var validator = new ObjectValidator(RenderScope.Build(clusterScope, candidates.Select(c => c.Json)), targetNamespace);
        var objects = new List<RenderedObject>();
        var errors = new List<RenderError>();
        foreach (var candidate in candidates)
        {
            var (rendered, error) = validator.Check(candidate);
            if (rendered is not null)
            {
                objects.Add(rendered);
            }

            if (error is not null)
            {
                errors.Add(error);
            }
        }

        return (objects, errors);
    }

    private (RenderedObject? Object, RenderError? Error) Check(ManifestCandidate candidate)
    {
        var json = candidate.Json;
        var at = candidate.Location;
        var apiVersion = Text(json["apiVersion"]);
        var kind = Text(json["kind"]);
        var metadata = json["metadata"] as JsonObject;
        var name = Text(metadata?["name"]);
        // Only a refused object is described; most pass, so the text is not built up front.
        string? Described() => Describe(kind, Text(metadata?["namespace"]) ?? targetNamespace, name);
        if (string.IsNullOrEmpty(kind))
        {
            return Refuse("object has no kind", at, Described());
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            return Refuse("object has no apiVersion", at, Described());
        }

        if (metadata?["generateName"] is not null)
        {
            return Refuse("metadata.generateName is not supported: an object needs a fixed metadata.name to be tracked", at, Described());
        }

        if (string.IsNullOrEmpty(name))
        {
            return Refuse("object has no metadata.name", at, Described());
        }

        var type = GroupVersionKind.FromApiVersion(apiVersion, kind);
        if (NameRules.CheckName(type.Group, kind, name) is { } badName)
        {
            return Refuse(badName, at, Described());
        }

        if (scope.IsNamespaced(type) is not { } namespaced)
        {
            return Refuse($"no API resource for kind {kind} in version {apiVersion} on the cluster", at, Described());
        }

        var ns = "";
        if (namespaced)
        {
            ns = Text(metadata!["namespace"]) is { Length: > 0 } declared ? declared : targetNamespace ?? "";
            if (ns.Length == 0)
            {
                return Refuse("namespace not specified: the object has no metadata.namespace and the sync has no targetNamespace", at, Described());
            }

            if (NameRules.CheckLabel(ns) is { } badNamespace)
            {
                return Refuse($"metadata.namespace: {badNamespace}", at, Described());
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata!.Remove("namespace");
        }

        var identity = new ObjectIdentity(type.Group, kind, ns, name);
        if (!seen.TryAdd(identity, at))
        {
            return Refuse($"duplicate object: also declared at {seen[identity]}", at, identity.ToString());
        }

        return (new RenderedObject(json, type, identity, ContentHash.Of(json), at), null);
    }

    private static (RenderedObject?, RenderError?) Refuse(string message, SourceLocation at, string? subject) =>
        (null, new RenderError(message, at, subject));

    private static string? Describe(string? kind, string? ns, string? name) =>
        kind is null || name is null ? null : string.IsNullOrEmpty(ns) ? $"{kind}/{name}" : $"{kind}/{ns}/{name}";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
