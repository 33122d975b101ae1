using System.Globalization;

namespace KubeEmulator.Api.Tables;

/// <summary>Ages the way the API server prints them in tables ("45s", "5m3s", "3h", "12d"), as apimachinery's duration.HumanDuration.</summary>
public static class HumanDuration
{
    public static string Since(DateTimeOffset? timestamp, DateTimeOffset now) =>
        timestamp is { } t ? Format(now - t) : "<unknown>";

    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Invariant($"{seconds}s");
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return WithRemainder(minutes, "m", seconds % 60, "s");
        }

        if (minutes < 180)
        {
            return Invariant($"{minutes}m");
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return WithRemainder(hours, "h", minutes % 60, "m");
        }

        if (hours < 48)
        {
            return Invariant($"{hours}h");
        }

        var days = hours / 24;
        if (hours < 24 * 8)
        {
            return WithRemainder(days, "d", hours % 24, "h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Invariant($"{days}d");
        }

        return hours < 24 * 365 * 8 ? WithRemainder(days / 365, "y", days % 365, "d") : Invariant($"{days / 365}y");
    }

    /// <summary>Parses an RFC 3339 timestamp as found in an object; null when absent or malformed.</summary>
    public static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    private static string WithRemainder(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? Invariant($"{major}{majorUnit}") : Invariant($"{major}{majorUnit}{minor}{minorUnit}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
