using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeEmulator.Semantics;

/// <summary>
/// resource.Quantity's canonical form, which the real server writes back: "1000m" → "1", "1024Mi" → "1Gi",
/// "0.5" → "500m", "2000" → "2k". Values in resource lists are first rounded up to milli precision.
/// </summary>
public static partial class Quantity
{
    private static readonly (string Suffix, int Exponent)[] DecimalSuffixes =
        [("n", -9), ("u", -6), ("m", -3), ("", 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18)];

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private enum Format
    {
        DecimalSI,
        BinarySI,
        DecimalExponent,
    }

    /// <summary>The canonical text of a quantity rounded up to milli precision, or null when the text is not a quantity.</summary>
    public static string? CanonicalResource(string text) =>
        TryParse(text, out var value, out var format) ? Canonical(RoundUpToMilli(value), format) : null;

    /// <summary>
    /// ParseQuantity's error for text that is not a quantity (its ErrFormatWrong, ErrNumeric or ErrSuffix wording),
    /// or null for a quantity.
    /// </summary>
    internal static string? ParseError(string text) =>
        !GoShape().IsMatch(text) ? "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        : TryParse(text, out _, out _) ? null
        : Shape().IsMatch(text) ? "unable to parse quantity's suffix"
        : "unable to parse numeric part of quantity";

    /// <summary>Rewrites every quantity of a resource list (limits, requests, capacity, hard…) in canonical form; numbers become strings.</summary>
    internal static void CanonicalizeList(JsonObject? list)
    {
        foreach (var (name, value) in list?.ToList() ?? [])
        {
            var text = value.AsString() ?? (value.AsNumber() is not null ? value!.ToJsonString() : null);
            if (text is not null && CanonicalResource(text) is { } canonical)
            {
                list![name] = canonical;
            }
        }
    }

    private static bool TryParse(string text, out decimal value, out Format format)
    {
        value = 0;
        format = Format.DecimalSI;
        var match = Shape().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        var suffix = match.Groups[2].Value;
        try
        {
            if (Array.IndexOf(BinarySuffixes, suffix) is > 0 and var power)
            {
                format = Format.BinarySI;
                value = number * (decimal)Math.Pow(1024, power);
                return true;
            }
            if (DecimalSuffixes.FirstOrDefault(s => s.Suffix == suffix) is { Suffix: not null } si)
            {
                value = number * Pow10(si.Exponent);
                return true;
            }
            if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            {
                format = Format.DecimalExponent;
                value = number * Pow10(exponent);
                return true;
            }
        }
        catch (OverflowException)
        {
            return false;
        }
        return false;
    }

    private static string Canonical(decimal value, Format format)
    {
        if (value == 0)
        {
            return "0";
        }
        if (format == Format.BinarySI && (Math.Abs(value) < 1024 || value != decimal.Truncate(value)))
        {
            format = Format.DecimalSI;
        }
        return format == Format.BinarySI ? Base1024(value) : Base10(value, format);
    }

    private static string Base1024(decimal value)
    {
        value = decimal.Truncate(value);
        var power = 0;
        while (power < BinarySuffixes.Length - 1 && value % 1024 == 0)
        {
            value /= 1024;
            power++;
        }
        return value.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
    }

    private static string Base10(decimal value, Format format)
    {
        var exponent = 0;
        while (value != decimal.Truncate(value))
        {
            value *= 10;
            exponent--;
        }
        while (value % 10 == 0)
        {
            value /= 10;
            exponent++;
        }
        var down = ((exponent % 3) + 3) % 3;
        for (var i = 0; i < down; i++)
        {
            value *= 10;
        }
        exponent -= down;
        var mantissa = decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);
        if (format == Format.DecimalExponent)
        {
            return exponent == 0 ? mantissa : $"{mantissa}e{exponent}";
        }
        var si = DecimalSuffixes.FirstOrDefault(s => s.Exponent == exponent);
        return si.Suffix is not null ? mantissa + si.Suffix : $"{mantissa}e{exponent}";
    }

    /// <summary>SetDefaults_ResourceList: round up (away from zero) to milli precision.</summary>
    private static decimal RoundUpToMilli(decimal value) =>
        Math.Round(value, 3, MidpointRounding.AwayFromZero) == value ? value
        : Math.Sign(value) * Math.Ceiling(Math.Abs(value) * 1000) / 1000;

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10 : result / 10;
        }
        return result;
    }

    [GeneratedRegex(@"^([+-]?[0-9]*\.?[0-9]+|[+-]?[0-9]+\.)([eEinumkKMGTP]*[-+]?[0-9]*)\z")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)\z")]
    private static partial Regex GoShape();
}
