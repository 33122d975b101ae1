using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeEmulator.Semantics;

/// <summary>One node of a parsed openAPIV3Schema: the keywords a structural schema may use.</summary>
internal sealed record SchemaNode
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public string? Type { get; init; }
    public bool IntOrString { get; init; }
    public bool Nullable { get; init; }
    public bool PreserveUnknownFields { get; init; }
    public bool EmbeddedResource { get; init; }
    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = new Dictionary<string, SchemaNode>();
    public SchemaNode? AdditionalProperties { get; init; }
    public bool AdditionalPropertiesAllowed { get; init; }
    public SchemaNode? Items { get; init; }
    public IReadOnlyList<string> Required { get; init; } = [];
    public JsonArray? Enum { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public bool ExclusiveMinimum { get; init; }
    public bool ExclusiveMaximum { get; init; }
    public double? MultipleOf { get; init; }
    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public long? MinProperties { get; init; }
    public long? MaxProperties { get; init; }
    public string? Pattern { get; init; }
    public Regex? PatternRegex { get; init; }
    public string? Format { get; init; }
    public JsonNode? Default { get; init; }
    public string? ListType { get; init; }
    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary>
    /// Reads the keywords that shape validation, pruning and defaulting. x-kubernetes-validations (CEL rules) are
    /// deliberately not read: the emulator has no CEL evaluator, so those rules are not enforced. The value-validation
    /// combinators allOf/anyOf/oneOf/not are not enforced either.
    /// </summary>
    public static SchemaNode Parse(JsonObject schema)
    {
        var pattern = schema.Str("pattern");
        return new SchemaNode
        {
            Type = schema.Str("type"),
            IntOrString = schema.Bool("x-kubernetes-int-or-string") == true,
            Nullable = schema.Bool("nullable") == true,
            PreserveUnknownFields = schema.Bool("x-kubernetes-preserve-unknown-fields") == true,
            EmbeddedResource = schema.Bool("x-kubernetes-embedded-resource") == true,
            Properties = (schema.Obj("properties") ?? [])
                .Where(p => p.Value is JsonObject)
                .ToDictionary(p => p.Key, p => Parse((JsonObject)p.Value!), StringComparer.Ordinal),
            AdditionalProperties = schema["additionalProperties"] is JsonObject additional ? Parse(additional) : null,
            AdditionalPropertiesAllowed = schema.Bool("additionalProperties") == true,
            Items = schema["items"] switch
            {
                JsonObject items => Parse(items),
                JsonArray { Count: > 0 } tuple when tuple[0] is JsonObject first => Parse(first),
                _ => null,
            },
            Required = schema.Arr("required")?.Select(r => r.AsString() ?? "").ToList() ?? [],
            Enum = schema.Arr("enum"),
            Minimum = schema["minimum"].AsNumber(),
            Maximum = schema["maximum"].AsNumber(),
            ExclusiveMinimum = schema.Bool("exclusiveMinimum") == true,
            ExclusiveMaximum = schema.Bool("exclusiveMaximum") == true,
            MultipleOf = schema["multipleOf"].AsNumber(),
            MinLength = schema.Long("minLength"),
            MaxLength = schema.Long("maxLength"),
            MinItems = schema.Long("minItems"),
            MaxItems = schema.Long("maxItems"),
            MinProperties = schema.Long("minProperties"),
            MaxProperties = schema.Long("maxProperties"),
            Pattern = pattern,
            PatternRegex = pattern is null ? null : TryRegex(pattern),
            Format = schema.Str("format"),
            Default = schema["default"]?.DeepClone(),
            ListType = schema.Str("x-kubernetes-list-type"),
            ListMapKeys = schema.Arr("x-kubernetes-list-map-keys")?.Select(k => k.AsString() ?? "").ToList() ?? [],
        };
    }

    private static Regex? TryRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The JSON type name kube-openapi reports for a value: string, integer, number, boolean, object, array or null.</summary>
    public static string TypeNameOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.IsIntegral() ? "integer" : "number",
            _ => "null",
        },
        _ => "object",
    };
}
