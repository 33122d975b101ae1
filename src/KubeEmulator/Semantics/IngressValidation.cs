using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>ValidateIngress, the part manifests get wrong most: every HTTP path needs a pathType and an absolute path.</summary>
internal static class IngressValidation
{
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

    public static IEnumerable<StatusCause> Validate(JsonObject ingress)
    {
        var causes = new List<StatusCause>();
        foreach (var (r, rule) in (ingress.Obj("spec")?.Arr("rules")).IndexedObjects())
        {
            var pathsPath = FieldPath.Child(FieldPath.Index("spec.rules", r), "http.paths");
            var paths = rule.Obj("http")?.Arr("paths");
            if (rule.Obj("http") is not null && paths is not { Count: > 0 })
            {
                causes.Add(FieldErrors.Required(pathsPath));
            }
            foreach (var (p, httpPath) in paths.IndexedObjects())
            {
                HttpPath(httpPath, FieldPath.Index(pathsPath, p), causes);
            }
        }
        return causes;
    }

    private static void HttpPath(JsonObject httpPath, string path, List<StatusCause> causes)
    {
        var pathType = httpPath.Str("pathType");
        var value = httpPath.Str("path") ?? "";
        if (pathType is null)
        {
            causes.Add(FieldErrors.Required(FieldPath.Child(path, "pathType"), "pathType must be specified"));
            return;
        }
        if (!PathTypes.Contains(pathType))
        {
            causes.Add(FieldErrors.NotSupported(FieldPath.Child(path, "pathType"), JsonValue.Create(pathType), PathTypes));
            return;
        }
        var mustBeAbsolute = pathType != "ImplementationSpecific" || value.Length > 0;
        if (mustBeAbsolute && !value.StartsWith('/'))
        {
            causes.Add(FieldErrors.Invalid(FieldPath.Child(path, "path"), value, "must be an absolute path"));
        }
    }
}
