using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics.Typing;

/// <summary>
/// Decoding a request body into a built-in kind's Go struct, as the real server's JSON decoder (sigs.k8s.io/json,
/// encoding/json's rules) does: the first wrong-typed value in document order, worded as the decoder words it —
/// "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32". Fields the
/// kind does not define are not decoded, so they are not typed here (unknown-field handling reports them).
/// </summary>
internal sealed class JsonDecoding
{
    private string? saved;
    private string? aborted;

    /// <summary>The decoder's error for the object, or null when every value has the type its field declares.</summary>
    public static string? FirstError(Type model, JsonObject obj)
    {
        var decoding = new JsonDecoding();
        var root = GoType.Of(model);
        foreach (var (name, value) in obj)
        {
            if (name is not ("apiVersion" or "kind") && root.Field(name) is { } field)
            {
                decoding.Value(field, value, root.StructName, name);
            }
        }

        return decoding.aborted ?? decoding.saved;
    }

    private void Value(GoType type, JsonNode? value, string structName, string fieldPath)
    {
        if (value is null || aborted is not null)
        {
            return;
        }

        switch (type.Kind)
        {
            case GoKind.Any:
                return;
            case GoKind.IntOrString or GoKind.Quantity or GoKind.Time:
                aborted = OwnDecoding.Error(type.Kind, value);
                return;
            case GoKind.Struct when value is JsonObject fields:
                foreach (var (name, child) in fields)
                {
                    if (type.Field(name) is { } field)
                    {
                        Value(field, child, type.StructName, fieldPath + "." + name);
                    }
                }

                return;
            case GoKind.Map when value is JsonObject entries:
                foreach (var (_, child) in entries)
                {
                    Value(type.Element!, child, structName, fieldPath);
                }

                return;
            case GoKind.Slice when value is JsonArray items:
                foreach (var item in items)
                {
                    Value(type.Element!, item, structName, fieldPath);
                }

                return;
            case GoKind.Bytes when value.GetValueKind() == JsonValueKind.String:
                Save(OwnDecoding.Base64(value.GetValue<string>()));
                return;
            case GoKind.Bytes when value is JsonArray:
                return;
            default:
                if (Mismatch(type, value) is { } found)
                {
                    Save($"json: cannot unmarshal {found} into Go struct field {structName}.{fieldPath} of type {type.Name}");
                }

                return;
        }
    }

    /// <summary>What the decoder names a value its type refuses ("string", "number 1.5"), or null when it fits.</summary>
    private static string? Mismatch(GoType type, JsonNode value)
    {
        var kind = Unstructured.JsonKind(value);
        return (type.Kind, kind) switch
        {
            (GoKind.String, "string") or (GoKind.Bool, "bool") => null,
            (GoKind.Int32, "number") => OwnDecoding.FitsInt32(value) ? null : "number " + Unstructured.NumberText(value),
            (GoKind.Int64, "number") => long.TryParse(Unstructured.NumberText(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "number " + Unstructured.NumberText(value),
            (GoKind.Float64, "number") => double.IsFinite(Unstructured.Double(value)) ? null : "number " + Unstructured.NumberText(value),
            _ => kind,
        };
    }

    private void Save(string? error) => saved ??= error;
}
