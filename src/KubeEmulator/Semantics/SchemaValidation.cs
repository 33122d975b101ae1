using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>Validates a custom object against its structural schema with kube-openapi's messages, as the apiextensions server reports them.</summary>
internal static class SchemaValidation
{
    private static readonly HashSet<string> RootMetaFields = ["apiVersion", "kind", "metadata"];

    public static IReadOnlyList<StatusCause> Validate(JsonObject obj, SchemaNode root)
    {
        var causes = new List<StatusCause>();
        ObjectFields(obj, root, "", causes, skip: RootMetaFields);
        return causes;
    }

    private static void Value(JsonNode? value, SchemaNode schema, string path, List<StatusCause> causes)
    {
        if (value is null)
        {
            if (!schema.Nullable && ExpectedType(schema) is { } expected)
            {
                causes.Add(TypeError(path, expected, "null"));
            }
            return;
        }
        var actual = SchemaNode.TypeNameOf(value);
        if (ExpectedType(schema) is { } type && !TypeMatches(type, actual))
        {
            causes.Add(TypeError(path, type, actual));
            return;
        }
        if (schema.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            causes.Add(FieldErrors.NotSupported(path, value.DeepClone(), allowed.Select(EnumText)));
        }
        switch (value)
        {
            case JsonObject obj:
                ObjectFields(obj, schema, path, causes, skip: schema.EmbeddedResource ? RootMetaFields : []);
                break;
            case JsonArray array:
                Array(array, schema, path, causes);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                String(scalar.GetValue<string>(), schema, path, causes);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                Number(scalar, schema, path, causes);
                break;
        }
    }

    private static void ObjectFields(JsonObject obj, SchemaNode schema, string path, List<StatusCause> causes, IReadOnlySet<string> skip)
    {
        foreach (var required in schema.Required.Where(r => obj[r] is null && !skip.Contains(r)))
        {
            causes.Add(FieldErrors.Required(FieldPath.Child(path, required)));
        }
        if (schema.MinProperties is { } minProperties && obj.Count < minProperties)
        {
            causes.Add(FieldErrors.Invalid(path, obj.Count, $"{Name(path)} in body should have at least {minProperties} properties"));
        }
        if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
        {
            causes.Add(FieldErrors.TooMany(path, obj.Count, (int)maxProperties));
        }
        foreach (var (key, child) in obj)
        {
            if (skip.Contains(key))
            {
                continue;
            }
            if (schema.Properties.TryGetValue(key, out var property))
            {
                Value(child, property, FieldPath.Child(path, key), causes);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Value(child, additional, FieldPath.Child(path, key), causes);
            }
        }
    }

    private static void Array(JsonArray array, SchemaNode schema, string path, List<StatusCause> causes)
    {
        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            causes.Add(FieldErrors.Invalid(path, array.Count, $"{Name(path)} in body should have at least {minItems} items"));
        }
        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            causes.Add(FieldErrors.TooMany(path, array.Count, (int)maxItems));
        }
        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Value(array[i], items, FieldPath.Index(path, i), causes);
            }
        }
        ListUniqueness(array, schema, path, causes);
    }

    /// <summary>Sets hold each value once; map-lists each key combination once.</summary>
    private static void ListUniqueness(JsonArray array, SchemaNode schema, string path, List<StatusCause> causes)
    {
        if (schema.ListType is not ("set" or "map"))
        {
            return;
        }
        var seen = new List<JsonNode?>();
        for (var i = 0; i < array.Count; i++)
        {
            JsonNode? key = schema.ListType == "set" || array[i] is not JsonObject item
                ? array[i]
                : new JsonObject(schema.ListMapKeys.Where(k => item[k] is not null).Select(k => KeyValuePair.Create(k, (JsonNode?)item[k]!.DeepClone())));
            if (seen.Any(s => JsonNode.DeepEquals(s, key)))
            {
                causes.Add(FieldErrors.Duplicate(FieldPath.Index(path, i), key?.DeepClone()));
            }
            else
            {
                seen.Add(key);
            }
        }
    }

    private static void String(string value, SchemaNode schema, string path, List<StatusCause> causes)
    {
        var length = value.EnumerateRunes().Count();
        if (schema.MaxLength is { } maxLength && length > maxLength)
        {
            causes.Add(FieldErrors.TooLong(path, (int)maxLength));
        }
        if (schema.MinLength is { } minLength && length < minLength)
        {
            causes.Add(FieldErrors.Invalid(path, value, $"{Name(path)} in body should be at least {minLength} chars long"));
        }
        if (schema.PatternRegex is { } regex && !Matches(regex, value))
        {
            causes.Add(FieldErrors.Invalid(path, value, $"{Name(path)} in body should match '{schema.Pattern}'"));
        }
        if (schema.Format is { } format && !SchemaFormats.IsValid(format, value))
        {
            causes.Add(FieldErrors.TypeInvalid(path, JsonValue.Create(value), $"{Name(path)} in body must be of type {format}: {GoValue.Quote(value)}"));
        }
    }

    private static void Number(JsonValue scalar, SchemaNode schema, string path, List<StatusCause> causes)
    {
        var number = scalar.AsNumber() ?? 0;
        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? number <= min : number < min))
        {
            var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            causes.Add(FieldErrors.Invalid(path, scalar.DeepClone(), $"{Name(path)} in body should be {relation} {GoValue.Number(min)}"));
        }
        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? number >= max : number > max))
        {
            var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
            causes.Add(FieldErrors.Invalid(path, scalar.DeepClone(), $"{Name(path)} in body should be {relation} {GoValue.Number(max)}"));
        }
        if (schema.MultipleOf is { } factor && factor > 0 && Math.Abs(number / factor - Math.Round(number / factor)) > 1e-9)
        {
            causes.Add(FieldErrors.Invalid(path, scalar.DeepClone(), $"{Name(path)} in body should be a multiple of {GoValue.Number(factor)}"));
        }
    }

    private static string? ExpectedType(SchemaNode schema) =>
        schema.IntOrString ? "integer,string" : string.IsNullOrEmpty(schema.Type) ? null : schema.Type;

    private static bool TypeMatches(string expected, string actual) => expected switch
    {
        "integer,string" => actual is "integer" or "string",
        "number" => actual is "number" or "integer",
        _ => expected == actual,
    };

    private static StatusCause TypeError(string path, string expected, string actual) =>
        FieldErrors.TypeInvalid(path, JsonValue.Create(actual), $"{Name(path)} in body must be of type {expected}: {GoValue.Quote(actual)}");

    private static string EnumText(JsonNode? value) =>
        value.AsString() ?? value?.ToJsonString() ?? "null";

    private static string Name(string path) => path.Length == 0 ? "." : path;

    private static bool Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
