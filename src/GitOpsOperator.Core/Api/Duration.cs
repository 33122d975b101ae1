using System.Globalization;
using System.Text.RegularExpressions;

namespace GitOpsOperator.Api;

/// <summary>
/// Durations as the API writes them (Go's time.Duration syntax restricted to ms, s, m and h):
/// "1m", "1m30s", "1.5h", "500ms". The CRDs accept exactly what <see cref="TryParse"/> accepts.
/// </summary>
public static partial class Duration
{
    /// <summary>The duration the text names, or false when it is not one (empty, unknown unit, sign, spaces).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !Whole().IsMatch(text))
        {
            return false;
        }

        var limit = (decimal)TimeSpan.MaxValue.TotalMilliseconds;
        var total = 0m;
        foreach (Match part in Part().Matches(text))
        {
            var unit = MillisecondsPer(part.Groups["unit"].Value);
            if (!decimal.TryParse(part.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount > (limit - total) / unit)
            {
                return false;
            }

            total += amount * unit;
        }

        duration = TimeSpan.FromMilliseconds((double)total);
        return true;
    }

    /// <summary>The duration the text names; FormatException naming the text when it is not one.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"\"{text}\" is not a duration (examples: 30s, 1m30s, 1.5h, 500ms)");

    private static decimal MillisecondsPer(string unit) => unit switch
    {
        "ms" => 1m,
        "s" => 1_000m,
        "m" => 60_000m,
        _ => 3_600_000m,
    };

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<amount>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
