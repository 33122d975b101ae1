using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>The CRD checks that matter most to a user: name = plural.group, scope, names, exactly one storage version.</summary>
internal static class CrdValidation
{
    public static IEnumerable<StatusCause> Validate(JsonObject crd)
    {
        var causes = new List<StatusCause>();
        var spec = crd.Obj("spec") ?? [];
        var names = spec.Obj("names") ?? [];
        var group = spec.Str("group") ?? "";
        var plural = names.Str("plural") ?? "";
        if (crd.Obj("metadata")?.Str("name") is { Length: > 0 } name && name != $"{plural}.{group}")
        {
            causes.Add(FieldErrors.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }
        if (group.Length == 0)
        {
            causes.Add(FieldErrors.Required("spec.group"));
        }
        if (plural.Length == 0)
        {
            causes.Add(FieldErrors.Required("spec.names.plural"));
        }
        if (names.IsBlank("kind"))
        {
            causes.Add(FieldErrors.Required("spec.names.kind"));
        }
        if (spec.IsBlank("scope"))
        {
            causes.Add(FieldErrors.Required("spec.scope"));
        }
        else
        {
            PodSpecValidation.Supported(spec, "scope", ["Cluster", "Namespaced"], "spec", causes);
        }
        var versions = spec.Arr("versions");
        if (versions is not { Count: > 0 })
        {
            causes.Add(FieldErrors.Required("spec.versions", "must have exactly one version marked as storage version"));
        }
        else if (versions.Objects().Count(v => v.Bool("storage") == true) != 1)
        {
            causes.Add(FieldErrors.Invalid("spec.versions", versions.DeepClone(), "must have exactly one version marked as storage version"));
        }
        foreach (var (i, version) in versions.IndexedObjects())
        {
            if (version.Obj("subresources")?.Obj("scale") is { } scale)
            {
                causes.AddRange(ScalePaths(scale, $"spec.versions[{i}].subresources.scale"));
            }
        }
        return causes;
    }

    private static IEnumerable<StatusCause> ScalePaths(JsonObject scale, string path)
    {
        foreach (var (field, under) in new[] { ("specReplicasPath", ".spec"), ("statusReplicasPath", ".status") })
        {
            var value = scale.Str(field) ?? "";
            if (value.Length == 0)
            {
                yield return FieldErrors.Required(FieldPath.Child(path, field));
            }
            else if (!value.StartsWith(under + ".", StringComparison.Ordinal))
            {
                yield return FieldErrors.Invalid(FieldPath.Child(path, field), value, "should be a json path under " + under);
            }
        }

        if (scale.Str("labelSelectorPath") is { Length: > 0 } selector
            && !selector.StartsWith(".spec.", StringComparison.Ordinal) && !selector.StartsWith(".status.", StringComparison.Ordinal))
        {
            yield return FieldErrors.Invalid(FieldPath.Child(path, "labelSelectorPath"), selector, "should be a json path under either .spec or .status");
        }
    }
}
