using System.Text.RegularExpressions;

namespace KubeEmulator.Api;

/// <summary>
/// Kubernetes version priority: GA before beta before alpha, higher numbers first, anything that does not
/// look like a Kubernetes version last in alphabetical order (as apimachinery's CompareKubeAwareVersionStrings).
/// </summary>
public sealed partial class KubeVersionOrder : IComparer<string>
{
    public static KubeVersionOrder Instance { get; } = new();

    /// <summary>Negative when <paramref name="x"/> is preferred over <paramref name="y"/>.</summary>
    public int Compare(string? x, string? y)
    {
        var (rankX, majorX, minorX) = Parse(x ?? "");
        var (rankY, majorY, minorY) = Parse(y ?? "");
        if (rankX != rankY)
        {
            return rankX.CompareTo(rankY);
        }

        if (rankX == NotKube)
        {
            return string.CompareOrdinal(x, y);
        }

        return majorX != majorY ? majorY.CompareTo(majorX) : minorY.CompareTo(minorX);
    }

    private const int NotKube = 3;

    private static (int Rank, int Major, int Minor) Parse(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return (NotKube, 0, 0);
        }

        var major = int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups["minor"].Success ? int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var rank = match.Groups["stage"].Value switch
        {
            "" => 0,
            "beta" => 1,
            _ => 2,
        };
        return (rank, major, minor);
    }

    [GeneratedRegex(@"^v(?<major>\d+)(?:(?<stage>alpha|beta)(?<minor>\d+))?$")]
    private static partial Regex VersionPattern();
}
