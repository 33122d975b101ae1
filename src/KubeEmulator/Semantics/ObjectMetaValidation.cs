using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>ValidateObjectMeta: the name rule of each kind, namespace, label and annotation keys and values.</summary>
internal static class ObjectMetaValidation
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    public static IEnumerable<StatusCause> Validate(ResourceType type, JsonObject obj)
    {
        var metadata = obj.Obj("metadata") ?? [];
        var name = metadata.Str("name") ?? "";
        var generateName = metadata.Str("generateName") ?? "";
        var nameRule = NameRuleFor(type);
        if (name.Length == 0 && generateName.Length == 0)
        {
            yield return FieldErrors.Required("metadata.name", "name or generateName is required");
        }
        if (generateName.Length > 0)
        {
            foreach (var msg in nameRule(MaskTrailingDash(generateName)))
            {
                yield return FieldErrors.Invalid("metadata.generateName", generateName, msg);
            }
        }
        if (name.Length > 0)
        {
            foreach (var msg in nameRule(name))
            {
                yield return FieldErrors.Invalid("metadata.name", name, msg);
            }
        }
        if (type.Namespaced && metadata.Str("namespace") is { Length: > 0 } ns)
        {
            foreach (var msg in NameRules.IsDns1123Label(ns))
            {
                yield return FieldErrors.Invalid("metadata.namespace", ns, msg);
            }
        }
        foreach (var cause in Labels(metadata.Obj("labels"), "metadata.labels"))
        {
            yield return cause;
        }
        foreach (var cause in Annotations(metadata.Obj("annotations"), "metadata.annotations"))
        {
            yield return cause;
        }
    }

    public static IEnumerable<StatusCause> Labels(JsonObject? labels, string path)
    {
        foreach (var (key, value) in labels.StringMap())
        {
            foreach (var msg in NameRules.IsQualifiedName(key))
            {
                yield return FieldErrors.Invalid(path, key, msg);
            }
            foreach (var msg in NameRules.IsValidLabelValue(value))
            {
                yield return FieldErrors.Invalid(path, value, msg);
            }
        }
    }

    private static IEnumerable<StatusCause> Annotations(JsonObject? annotations, string path)
    {
        var total = 0L;
        foreach (var (key, value) in annotations.StringMap())
        {
            foreach (var msg in NameRules.IsQualifiedName(key.ToLowerInvariant()))
            {
                yield return FieldErrors.Invalid(path, key, msg);
            }
            total += key.Length + value.Length;
        }
        if (total > TotalAnnotationSizeLimit)
        {
            yield return FieldErrors.TooLong(path, TotalAnnotationSizeLimit);
        }
    }

    private static Func<string, IReadOnlyList<string>> NameRuleFor(ResourceType type) => NameRules.ForKind(type.Group, type.Kind);

    /// <summary>generateName is a prefix: a trailing '-' is allowed there.</summary>
    private static string MaskTrailingDash(string prefix) =>
        prefix.Length > 1 && prefix.EndsWith('-') ? prefix[..^1] + "a" : prefix;
}
