using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Json;
using KubeEmulator.Patching;
using KubeEmulator.Registry;
using KubeEmulator.Semantics;
using KubeEmulator.Semantics.Typing;

namespace KubeEmulator.Writes;

/// <summary>
/// How the real server refuses a built-in object holding a value of the wrong type, which depends on the verb:
/// its decoder for create and update, the typed object behind a JSON, merge or strategic merge patch, the
/// structured-merge-diff type check for server-side apply. Custom resources are typed by their schema instead.
/// </summary>
internal static class WrongTypes
{
    /// <summary>create and update: 400 "Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal …".</summary>
    public static void CheckBody(ServedType served, JsonObject body)
    {
        if (served.Type.ModelType is { } model && JsonDecoding.FirstError(model, body) is { } error)
        {
            var kind = body.StringAt("kind") is { Length: > 0 } sent ? sent : served.Type.Kind;
            var version = body.StringAt("apiVersion") is { Length: > 0 } apiVersion ? apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : served.Type.Version;
            throw ApiException.BadRequest($"{kind} in version {GoValue.Quote(version)} cannot be handled as a {served.Type.Kind}: {error}");
        }
    }

    /// <summary>JSON and merge patches: 422, the patched document as the invalid value of "patch", then the decoder's error.</summary>
    public static void CheckPatched(ServedType served, JsonObject patched)
    {
        if (served.Type.ModelType is { } model && JsonDecoding.FirstError(model, patched) is { } error)
        {
            var document = new JsonObject(patched.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            throw InvalidPatch(Unstructured.GoJson(document), error);
        }
    }

    /// <summary>Strategic merge patches: 422, the patch as Go prints a map ("map[spec:map[replicas:lots]]"), then the converter's error.</summary>
    public static void CheckStrategic(ServedType served, JsonNode patch, JsonObject patched)
    {
        if (served.Type.ModelType is { } model && UnstructuredDecoding.FirstError(model, patched) is { } error)
        {
            throw InvalidPatch(Unstructured.Plain(patch), error);
        }
    }

    /// <summary>Server-side apply: 500 "failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicas: …".</summary>
    public static void CheckApplied(ServedType served, JsonObject configuration)
    {
        if (served.Type.ModelType is { } model && ApplyTyping.Errors(model, configuration, TypeRegistry.ListKeys(served)) is { } errors)
        {
            throw new ApiException(500, "", $"failed to create typed patch object ({Subject(served, configuration)}): {errors}");
        }
    }

    /// <summary>
    /// Server-side apply, after the merge: the merged object must convert to the Go struct, which catches what the
    /// schema check lets through (a boolean as an int-or-string, a quantity that does not parse); 500 as well.
    /// </summary>
    public static void CheckMerged(ServedType served, JsonObject configuration, JsonObject merged)
    {
        if (served.Type.ModelType is { } model && UnstructuredDecoding.FirstError(model, merged) is { } error)
        {
            var kind = GroupVersionKind(served);
            throw new ApiException(500, "", $"failed to convert new object ({Subject(served, configuration)}) to proper version: unable to convert unstructured object to {kind}: {error}");
        }
    }

    private static string Subject(ServedType served, JsonObject configuration) =>
        $"{configuration.Namespace()}/{configuration.Name()}; {GroupVersionKind(served)}";

    /// <summary>schema.GroupVersionKind's String(): "apps/v1, Kind=Deployment", "/v1, Kind=ConfigMap".</summary>
    private static string GroupVersionKind(ServedType served) => $"{served.Type.Group}/{served.Type.Version}, Kind={served.Type.Kind}";

    private static ApiException InvalidPatch(string value, string error)
    {
        var cause = $"Invalid value: {GoValue.Quote(value)}: {error}";
        return new ApiException(422, "Invalid", $" \"\" is invalid: patch: {cause}",
            new StatusDetails("", "", "", [new StatusDetailCause("FieldValueInvalid", cause, "patch")]));
    }
}
