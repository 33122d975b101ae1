using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>Prints a bad value the way field.Error does: strings %q-quoted, numbers and booleans bare, null as null, objects and lists as JSON.</summary>
public static class GoValue
{
    public static string Format(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    /// <summary>Go's %v of a float64 (strconv 'g', shortest): 3, 0.5, 1e+06, 1.5e-05.</summary>
    public static string Number(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        if (value == 0 || Math.Abs(value) >= 1e28 || !decimal.TryParse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return shortest;
        }
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (exponent >= -4 && exponent < 6)
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }
        var digits = Math.Abs(exact).ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).TrimStart('0').TrimEnd('0');
        var mantissa = digits.Length <= 1 ? digits : $"{digits[0]}.{digits[1..]}";
        return $"{(value < 0 ? "-" : "")}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    /// <summary>Go's %q: a double-quoted string with Go escapes.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        sb.Append(rune.Value < 0x10000
                            ? "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture)
                            : "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
