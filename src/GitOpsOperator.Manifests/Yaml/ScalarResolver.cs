using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsOperator.Manifests.Yaml;

/// <summary>
/// Types a scalar with go-yaml v2's resolve rules (what kubectl uses): YAML 1.1 booleans, Go integer syntax
/// (0x, 0o, 0b, leading-zero octal, underscores), floats, and explicit <c>!!</c> tags.
/// </summary>
internal static partial class ScalarResolver
{
    private const string TagPrefix = "tag:yaml.org,2002:";
    public const string StrTag = TagPrefix + "str";
    public const string MergeTag = TagPrefix + "merge";
    private const string BoolTag = TagPrefix + "bool";
    private const string IntTag = TagPrefix + "int";
    private const string FloatTag = TagPrefix + "float";
    private const string NullTag = TagPrefix + "null";
    private const string TimestampTag = TagPrefix + "timestamp";
    private const string BinaryTag = TagPrefix + "binary";

    private static readonly Dictionary<string, ScalarValue> Keywords = BuildKeywords();

    /// <summary>Resolves a scalar. <paramref name="tag"/> is empty when none was written; <paramref name="plain"/> is false for quoted and block scalars.</summary>
    public static ScalarValue Resolve(string value, string tag, bool plain)
    {
        if (tag.Length == 0)
        {
            return plain ? ResolvePlain(value) : ScalarValue.FromString(value);
        }

        return tag switch
        {
            StrTag or TimestampTag => ScalarValue.FromString(value),
            BinaryTag => ScalarValue.FromString(DecodeBinary(value)),
            BoolTag => Expect(value, tag, ScalarKind.Bool),
            IntTag => Expect(value, tag, ScalarKind.Int, ScalarKind.UnsignedInt),
            NullTag => Expect(value, tag, ScalarKind.Null),
            FloatTag => AsFloat(value),
            _ => ScalarValue.FromString(value),
        };
    }

    private static ScalarValue Expect(string value, string tag, params ScalarKind[] kinds)
    {
        var resolved = ResolvePlain(value);
        return kinds.Contains(resolved.Kind)
            ? resolved
            : throw new ManifestReadException($"the value cannot be decoded as a !!{tag[TagPrefix.Length..]} (its text is not repeated here: it may be a secret)");
    }

    private static ScalarValue AsFloat(string value)
    {
        var resolved = ResolvePlain(value);
        return resolved.Kind switch
        {
            ScalarKind.Float => resolved,
            ScalarKind.Int => new ScalarValue(ScalarKind.Float, value, Float: resolved.Integer),
            _ => throw new ManifestReadException("the value cannot be decoded as a !!float (its text is not repeated here: it may be a secret)"),
        };
    }

    private static ScalarValue ResolvePlain(string value)
    {
        if (Keywords.TryGetValue(value, out var keyword))
        {
            return keyword;
        }

        var first = value[0];
        if (first == '.')
        {
            return DotFloat().IsMatch(value) && TryFiniteDouble(value, out var fraction)
                ? new ScalarValue(ScalarKind.Float, value, Float: fraction)
                : ScalarValue.FromString(value);
        }

        return char.IsAsciiDigit(first) || first is '+' or '-' ? ResolveNumber(value) : ScalarValue.FromString(value);
    }

    private static ScalarValue ResolveNumber(string value)
    {
        var plain = value.Replace("_", "", StringComparison.Ordinal);
        if (GoInteger.TryParse(plain, out var integer))
        {
            return integer.Fits64
                ? new ScalarValue(ScalarKind.Int, value, Integer: integer.Signed)
                : new ScalarValue(ScalarKind.UnsignedInt, value, Unsigned: integer.Unsigned);
        }

        return YamlStyleFloat().IsMatch(plain) && TryFiniteDouble(plain, out var number)
            ? new ScalarValue(ScalarKind.Float, value, Float: number)
            : ScalarValue.FromString(value);
    }

    // Go's ParseFloat fails on overflow, and go-yaml then keeps the scalar as a string.
    private static bool TryFiniteDouble(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static string DecodeBinary(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw new ManifestReadException("!!binary value contains invalid base64 data");
        }
    }

    private static Dictionary<string, ScalarValue> BuildKeywords()
    {
        var table = new Dictionary<string, ScalarValue>(StringComparer.Ordinal);
        void Add(ScalarValue value, params string[] spellings)
        {
            foreach (var spelling in spellings)
            {
                table[spelling] = value with { Text = spelling };
            }
        }

        Add(new ScalarValue(ScalarKind.Bool, "", Bool: true), "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
        Add(new ScalarValue(ScalarKind.Bool, "", Bool: false), "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
        Add(ScalarValue.Null, "", "~", "null", "Null", "NULL");
        Add(new ScalarValue(ScalarKind.Float, "", Float: double.NaN), ".nan", ".NaN", ".NAN");
        Add(new ScalarValue(ScalarKind.Float, "", Float: double.PositiveInfinity), ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
        Add(new ScalarValue(ScalarKind.Float, "", Float: double.NegativeInfinity), "-.inf", "-.Inf", "-.INF");
        return table;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlStyleFloat();

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DotFloat();
}
