using System.Globalization;
using System.Text;

namespace GitOpsOperator.Manifests.Yaml;

/// <summary>Go's <c>strconv.FormatFloat(f, 'g', -1, 32)</c>, the form sigs.k8s.io/yaml gives float mapping keys.</summary>
internal static class GoFloatFormat
{
    public static string ShortestFloat32(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        var single = (float)value;
        if (float.IsInfinity(single))
        {
            return single > 0 ? ".inf" : "-.inf";
        }

        if (single == 0)
        {
            return float.IsNegative(single) ? "-0" : "0";
        }

        // "R" gives the shortest digits that round-trip; lay them out the way Go's %g does for shortest precision.
        var (digits, exponent) = Decompose(single.ToString("R", CultureInfo.InvariantCulture));
        var negative = single < 0;
        var text = exponent < -4 || exponent >= 6 ? Scientific(digits, exponent) : Fixed(digits, exponent + 1);
        return negative ? "-" + text : text;
    }

    private static (string Digits, int Exponent) Decompose(string text)
    {
        var unsigned = text.TrimStart('-');
        var exponentAt = unsigned.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(unsigned[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? unsigned : unsigned[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        var all = (integerPart + fraction).TrimStart('0');
        var leadingZeros = (integerPart + fraction).Length - all.Length;
        var digits = all.TrimEnd('0');
        return (digits, integerPart.Length - 1 - leadingZeros + exponent);
    }

    private static string Scientific(string digits, int exponent)
    {
        var builder = new StringBuilder();
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        builder.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static string Fixed(string digits, int decimalPoint)
    {
        if (decimalPoint <= 0)
        {
            return "0." + new string('0', -decimalPoint) + digits;
        }

        if (decimalPoint >= digits.Length)
        {
            return digits + new string('0', decimalPoint - digits.Length);
        }

        return digits[..decimalPoint] + "." + digits[decimalPoint..];
    }
}
