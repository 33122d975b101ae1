using System.Text.Json;
using System.Text.Json.Nodes;
using KubeEmulator.Semantics.Typing;

namespace KubeEmulator.Patching;

/// <summary>
/// The type check structured-merge-diff runs when it turns an applied configuration into a typed value: every
/// value against its schema type, all errors at once, each at its field path (".spec.replicas: expected numeric
/// (int or float), got string", ".spec.foo: field not declared in schema" whatever fieldValidation says). Numbers are float64 here, as the real server's YAML decoding leaves them;
/// int-or-string, quantities and times take any scalar.
/// </summary>
internal static class ApplyTyping
{
    /// <summary>The errors in the form typed.ValidationErrors prints them (one line, or "errors:" and one indented line each); null when the configuration is well typed.</summary>
    public static string? Errors(Type model, JsonObject configuration, IListKeyResolver keys)
    {
        var errors = new List<string>();
        new Walk(errors, keys).Value(GoType.Of(model), configuration, [], []);
        return errors.Count switch
        {
            0 => null,
            1 => errors[0],
            _ => "errors:\n" + string.Join("\n", errors.Select(e => "  " + e)),
        };
    }

    private sealed class Walk(List<string> errors, IListKeyResolver keys)
    {
        public void Value(GoType type, JsonNode? value, List<string> path, List<string> fieldPath)
        {
            if (value is null || type.Kind == GoKind.Any)
            {
                return;
            }

            if (Mismatch(type, value) is { } message)
            {
                errors.Add($"{PathElements.Display(path)}: {message}");
                return;
            }

            switch (value)
            {
                case JsonObject fields when type.Kind == GoKind.Struct:
                    foreach (var (name, child) in fields)
                    {
                        if (type.Field(name) is { } field)
                        {
                            Child(field, child, path, PathElements.Field(name), fieldPath, name);
                        }
                        else
                        {
                            errors.Add($"{PathElements.Display([.. path, PathElements.Field(name)])}: field not declared in schema");
                        }
                    }

                    break;
                case JsonObject entries when type.Kind == GoKind.Map:
                    foreach (var (name, child) in entries)
                    {
                        Child(type.Element!, child, path, PathElements.Field(name), fieldPath, name);
                    }

                    break;
                case JsonArray items when type.Kind == GoKind.Slice:
                    for (var i = 0; i < items.Count; i++)
                    {
                        var element = ListItems.ElementOf(keys, fieldPath, items[i]) ?? $"i:{i}";
                        path.Add(element);
                        Value(type.Element!, items[i], path, fieldPath);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
            }
        }

        private void Child(GoType type, JsonNode? value, List<string> path, string element, List<string> fieldPath, string name)
        {
            path.Add(element);
            fieldPath.Add(name);
            Value(type, value, path, fieldPath);
            path.RemoveAt(path.Count - 1);
            fieldPath.RemoveAt(fieldPath.Count - 1);
        }

        /// <summary>validateScalar's and mapValue/listValue's wording; a value is printed the way they print value.Value.</summary>
        private static string? Mismatch(GoType type, JsonNode value)
        {
            var kind = value is JsonValue ? value.GetValueKind() : JsonValueKind.Undefined;
            return type.Kind switch
            {
                GoKind.Int32 or GoKind.Int64 or GoKind.Float64 when kind != JsonValueKind.Number =>
                    $"expected numeric (int or float), got {Unstructured.TypeName(value, integersKept: false)}",
                GoKind.String or GoKind.Bytes when kind != JsonValueKind.String =>
                    $"expected string, got &value.valueUnstructured{{Value:{Unstructured.GoSyntax(value)}}}",
                GoKind.Bool when kind is not (JsonValueKind.True or JsonValueKind.False) => $"expected boolean, got &{{{Unstructured.Plain(value)}}}",
                GoKind.IntOrString or GoKind.Quantity or GoKind.Time when value is not JsonValue => $"expected any scalar, got &{{{Unstructured.Plain(value)}}}",
                GoKind.Struct or GoKind.Map when value is not JsonObject => $"expected map, got &{{{Unstructured.Plain(value)}}}",
                GoKind.Slice when value is not JsonArray => $"expected list, got &{{{Unstructured.Plain(value)}}}",
                _ => null,
            };
        }
    }
}
