using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>ValidateRole/ClusterRole rules and RoleBinding/ClusterRoleBinding roleRef and subjects.</summary>
internal static class RbacValidation
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    public static IEnumerable<StatusCause> Rules(JsonObject role, bool namespaced)
    {
        var causes = new List<StatusCause>();
        foreach (var (i, rule) in role.Arr("rules").IndexedObjects())
        {
            var path = FieldPath.Index("rules", i);
            if (rule.Arr("verbs") is not { Count: > 0 })
            {
                causes.Add(FieldErrors.Required(FieldPath.Child(path, "verbs"), "verbs must contain at least one value"));
            }
            if (rule.Arr("nonResourceURLs") is { Count: > 0 } urls)
            {
                if (namespaced)
                {
                    causes.Add(FieldErrors.Invalid(FieldPath.Child(path, "nonResourceURLs"), urls.DeepClone(), "namespaced rules cannot apply to non-resource URLs"));
                }
                if (new[] { "apiGroups", "resources", "resourceNames" }.Any(k => rule.Arr(k) is { Count: > 0 }))
                {
                    causes.Add(FieldErrors.Invalid(FieldPath.Child(path, "nonResourceURLs"), urls.DeepClone(), "rules cannot apply to both regular resources and non-resource URLs"));
                }
                continue;
            }
            if (rule.Arr("apiGroups") is not { Count: > 0 })
            {
                causes.Add(FieldErrors.Required(FieldPath.Child(path, "apiGroups"), "resource rules must supply at least one api group"));
            }
            if (rule.Arr("resources") is not { Count: > 0 })
            {
                causes.Add(FieldErrors.Required(FieldPath.Child(path, "resources"), "resource rules must supply at least one resource"));
            }
        }
        return causes;
    }

    public static IEnumerable<StatusCause> Binding(JsonObject binding, bool namespaced)
    {
        var causes = new List<StatusCause>();
        var roleRef = binding.Obj("roleRef") ?? [];
        if (roleRef.Str("apiGroup") != RbacGroup)
        {
            causes.Add(FieldErrors.NotSupported("roleRef.apiGroup", JsonValue.Create(roleRef.Str("apiGroup") ?? ""), [RbacGroup]));
        }
        string[] kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
        if (!kinds.Contains(roleRef.Str("kind")))
        {
            causes.Add(FieldErrors.NotSupported("roleRef.kind", JsonValue.Create(roleRef.Str("kind") ?? ""), kinds));
        }
        var name = roleRef.Str("name") ?? "";
        if (name.Length == 0)
        {
            causes.Add(FieldErrors.Required("roleRef.name"));
        }
        else
        {
            causes.AddRange(NameRules.IsValidPathSegmentName(name).Select(msg => FieldErrors.Invalid("roleRef.name", name, msg)));
        }
        foreach (var (i, subject) in binding.Arr("subjects").IndexedObjects())
        {
            Subject(subject, FieldPath.Index("subjects", i), namespaced, causes);
        }
        return causes;
    }

    /// <summary>A binding's roleRef can never change: the binding must be deleted and recreated.</summary>
    public static IEnumerable<StatusCause> RoleRefUnchanged(JsonObject oldBinding, JsonObject newBinding) =>
        JsonNode.DeepEquals(oldBinding["roleRef"], newBinding["roleRef"])
            ? []
            : [FieldErrors.Invalid("roleRef", newBinding["roleRef"]?.DeepClone(), "cannot change roleRef")];

    private static void Subject(JsonObject subject, string path, bool namespaced, List<StatusCause> causes)
    {
        if (subject.IsBlank("name"))
        {
            causes.Add(FieldErrors.Required(FieldPath.Child(path, "name")));
        }
        var apiGroup = subject.Str("apiGroup") ?? "";
        switch (subject.Str("kind"))
        {
            case "ServiceAccount":
                if (apiGroup.Length > 0)
                {
                    causes.Add(FieldErrors.NotSupported(FieldPath.Child(path, "apiGroup"), JsonValue.Create(apiGroup), [""]));
                }
                if (!namespaced && subject.IsBlank("namespace"))
                {
                    causes.Add(FieldErrors.Required(FieldPath.Child(path, "namespace")));
                }
                break;
            case "User" or "Group":
                if (apiGroup != RbacGroup)
                {
                    causes.Add(FieldErrors.NotSupported(FieldPath.Child(path, "apiGroup"), JsonValue.Create(apiGroup), [RbacGroup]));
                }
                break;
            default:
                causes.Add(FieldErrors.NotSupported(FieldPath.Child(path, "kind"), JsonValue.Create(subject.Str("kind") ?? ""), ["ServiceAccount", "User", "Group"]));
                break;
        }
    }
}
