using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics.Typing;

/// <summary>
/// Converting an unstructured map into a built-in kind's Go struct, as runtime.DefaultUnstructuredConverter does
/// after a strategic merge patch: struct fields in declaration order, the first error ends it, worded as the
/// converter words it ("unrecognized type: int32", "cannot convert int64 to string", "cannot restore slice from
/// string").
/// </summary>
internal static class UnstructuredDecoding
{
    /// <summary>The converter's error for the object, or null when it converts.</summary>
    public static string? FirstError(Type model, JsonObject obj) => Struct(GoType.Of(model), obj);

    private static string? Value(GoType type, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        return type.Kind switch
        {
            GoKind.Any => null,
            GoKind.IntOrString or GoKind.Quantity or GoKind.Time => OwnDecoding.Error(type.Kind, value),
            GoKind.Struct => value is JsonObject fields ? Struct(type, fields) : $"cannot restore struct from: {Unstructured.KindName(value)}",
            GoKind.Map => value is JsonObject entries ? entries.Select(e => Value(type.Element!, e.Value)).FirstOrDefault(e => e is not null) : $"cannot restore map from {Unstructured.KindName(value)}",
            GoKind.Bytes when value.GetValueKind() == JsonValueKind.String =>
                OwnDecoding.Base64(value.GetValue<string>()) is { } corrupt ? "error decoding from json: " + corrupt : null,
            GoKind.Bytes => value is JsonArray ? null : $"cannot restore slice from {Unstructured.KindName(value)}",
            GoKind.Slice => value is JsonArray items ? items.Select(i => Value(type.Element!, i)).FirstOrDefault(e => e is not null) : $"cannot restore slice from {Unstructured.KindName(value)}",
            _ => Scalar(type, value),
        };
    }

    private static string? Struct(GoType type, JsonObject fields) =>
        type.Fields.Where(f => f.Name is not ("apiVersion" or "kind") && fields.ContainsKey(f.Name))
            .Select(f => Value(f.Type, fields[f.Name]))
            .FirstOrDefault(e => e is not null);

    /// <summary>
    /// A scalar field: the same Go type, or a conversion JSON allows (number to number, a whole float to an
    /// integer); an integer converts to a string in Go but not in JSON ("cannot convert"); anything else is a type
    /// the converter cannot fill ("unrecognized type").
    /// </summary>
    private static string? Scalar(GoType type, JsonNode value)
    {
        return (Unstructured.TypeName(value), type.Kind) switch
        {
            ("string", GoKind.String) or ("bool", GoKind.Bool) or ("float64", GoKind.Float64) => null,
            ("int64", GoKind.Int32 or GoKind.Int64 or GoKind.Float64) => null,
            ("float64", GoKind.Int32 or GoKind.Int64) => double.IsInteger(Unstructured.Double(value)) ? null : $"cannot convert float64 to {type.Name}",
            ("int64", GoKind.String) => $"cannot convert int64 to {type.Name}",
            _ => $"unrecognized type: {type.Name}",
        };
    }
}
