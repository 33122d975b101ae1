using Semver;

namespace GitOpsOperator.Source.Resolution;

/// <summary>
/// The one reading of a version range every kind uses (a GitRepository's spec.ref.semver, an ImagePolicy's
/// semver policy): npm ranges ("^1.4", "1.x", ">=1.0.0 &lt;2.0.0"), constraints also separated by commas as Flux
/// writes them, versions with or without a leading "v". A pre-release matches only when the range names one.
/// </summary>
public sealed class VersionRange
{
    private readonly SemVersionRange range;

    private VersionRange(string text, SemVersionRange range)
    {
        Text = text;
        this.range = range;
    }

    public string Text { get; }

    public static bool TryParse(string text, out VersionRange? parsed)
    {
        ArgumentNullException.ThrowIfNull(text);
        parsed = null;
        var npm = string.Join(' ', text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (npm.Length == 0 || !SemVersionRange.TryParseNpm(npm, out var range))
        {
            return false;
        }

        parsed = new VersionRange(text, range);
        return true;
    }

    /// <summary>The version a tag names (a leading "v" allowed), or null when it names none.</summary>
    public static SemVersion? Version(string tag) =>
        SemVersion.TryParse(tag, SemVersionStyles.AllowV, out var version) ? version : null;

    /// <summary>The tag's version when it satisfies the range, or null.</summary>
    public SemVersion? Match(string tag) => Version(tag) is { } version && range.Contains(version) ? version : null;

    public override string ToString() => Text;
}
