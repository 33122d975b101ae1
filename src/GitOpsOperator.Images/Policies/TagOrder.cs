using System.Globalization;
using GitOpsOperator.Source.Resolution;
using Semver;

namespace GitOpsOperator.Images.Policies;

/// <summary>
/// How a policy ranks the values it compares (a tag, or what the filter extracted from it): a value it cannot rank is
/// no candidate. The highest ranked candidate is selected.
/// </summary>
public abstract class TagOrder
{
    /// <summary>A rank for the value, or null when the value is no candidate.</summary>
    public abstract IComparable? Rank(string value);

    /// <summary>The highest semver version within the range (the GitRepository semver parser).</summary>
    public sealed class Semver(VersionRange range) : TagOrder
    {
        public override IComparable? Rank(string value) => range.Match(value) is { } version ? new VersionRank(version) : null;

        private sealed record VersionRank(SemVersion Version) : IComparable
        {
            public int CompareTo(object? obj) => SemVersion.ComparePrecedence(Version, ((VersionRank)obj!).Version);
        }
    }

    /// <summary>Ordinal order; asc selects the last value, desc the first.</summary>
    public sealed class Alphabetical(bool ascending) : TagOrder
    {
        public override IComparable? Rank(string value) => new Directed<string>(value, ascending, StringComparer.Ordinal);
    }

    /// <summary>Values read as numbers; asc selects the largest, desc the smallest; a value that is no number is skipped.</summary>
    public sealed class Numerical(bool ascending) : TagOrder
    {
        public override IComparable? Rank(string value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? new Directed<double>(number, ascending, Comparer<double>.Default)
                : null;
    }

    private sealed record Directed<T>(T Value, bool Ascending, IComparer<T> Comparer) : IComparable
    {
        public int CompareTo(object? obj)
        {
            var order = Comparer.Compare(Value, ((Directed<T>)obj!).Value);
            return Ascending ? order : -order;
        }
    }
}
