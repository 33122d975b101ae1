using System.Globalization;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Yaml;

/// <summary>A YAML scalar typed the way go-yaml v2 types it when decoding into interface{}.</summary>
internal readonly record struct ScalarValue(ScalarKind Kind, string Text, long Integer = 0, ulong Unsigned = 0, double Float = 0, bool Bool = false)
{
    public static ScalarValue Null => new(ScalarKind.Null, "");

    public static ScalarValue FromString(string text) => new(ScalarKind.String, text);

    /// <summary>False for infinities and NaN, which no JSON number can hold.</summary>
    public bool HasJson => Kind != ScalarKind.Float || double.IsFinite(Float);

    /// <summary>
    /// The JSON value kubectl ends up with: YAML → JSON → unstructured turns every number that prints as an
    /// int64 into an int64, and everything else into a float64. Infinities and NaN cannot be JSON.
    /// </summary>
    public JsonNode? ToJson() => Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Bool => JsonValue.Create(Bool),
        ScalarKind.Int => JsonValue.Create(Integer),
        ScalarKind.UnsignedInt => JsonValue.Create((double)Unsigned),
        ScalarKind.Float => JsonNumbers.FromDouble(Float)
            ?? throw new ManifestReadException($"the value {Text} has no JSON representation"),
        _ => JsonValue.Create(Text),
    };

    /// <summary>The JSON object key sigs.k8s.io/yaml makes of this scalar when it is a mapping key.</summary>
    public string ToKey() => Kind switch
    {
        ScalarKind.String => Text,
        ScalarKind.Bool => Bool ? "true" : "false",
        ScalarKind.Int => Integer.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Float => GoFloatFormat.ShortestFloat32(Float),
        _ => throw new ManifestReadException($"unsupported mapping key {(Kind == ScalarKind.Null ? "null" : Text)}"),
    };
}
