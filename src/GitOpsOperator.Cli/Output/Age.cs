using System.Globalization;

namespace GitOpsOperator.Cli.Output;

/// <summary>An object's age as kubectl prints it (its HumanDuration: "45s", "3m10s", "4h", "2d3h", "1y20d").</summary>
public static class Age
{
    public static string Since(DateTimeOffset? time, DateTimeOffset now) => time is { } at ? Of(now - at) : "<unknown>";

    public static string Of(TimeSpan age)
    {
        var seconds = (long)age.TotalSeconds;
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
            return Format("{0}s", seconds);
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? Format("{0}m", minutes) : Format("{0}m{1}s", minutes, seconds % 60);
        }

        if (minutes < 180)
        {
            return Format("{0}m", minutes);
        }

        var hours = minutes / 60;
        return hours switch
        {
            < 8 => minutes % 60 == 0 ? Format("{0}h", hours) : Format("{0}h{1}m", hours, minutes % 60),
            < 48 => Format("{0}h", hours),
            < 24 * 8 => hours % 24 == 0 ? Format("{0}d", hours / 24) : Format("{0}d{1}h", hours / 24, hours % 24),
            < 24 * 365 * 2 => Format("{0}d", hours / 24),
            < 24 * 365 * 8 => hours / 24 % 365 == 0 ? Format("{0}y", hours / 24 / 365) : Format("{0}y{1}d", hours / 24 / 365, hours / 24 % 365),
            _ => Format("{0}y", hours / 24 / 365),
        };
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
