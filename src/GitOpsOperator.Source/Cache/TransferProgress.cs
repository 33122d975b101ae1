using System.Globalization;
using System.Text.RegularExpressions;

namespace GitOpsOperator.Source.Cache;

/// <summary>Reads the bytes received from git's fetch progress ("Receiving objects: 100% (5/5), 1.03 KiB | …, done.").</summary>
internal static partial class TransferProgress
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["bytes"] = 1,
        ["KiB"] = 1L << 10,
        ["MiB"] = 1L << 20,
        ["GiB"] = 1L << 30,
    };

    /// <summary>The bytes of the last "Receiving objects" report (to git's printed precision), or 0 when none.</summary>
    public static long BytesReceived(string progress)
    {
        var reports = Receiving().Matches(progress ?? string.Empty);
        if (reports.Count == 0)
        {
            return 0;
        }

        var last = reports[^1];
        var amount = decimal.Parse(last.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return (long)Math.Round(amount * Units[last.Groups["unit"].Value]);
    }

    [GeneratedRegex(@"Receiving objects: +\d+% \(\d+/\d+\), (?<amount>\d+(?:\.\d+)?) (?<unit>bytes|KiB|MiB|GiB)")]
    private static partial Regex Receiving();
}
