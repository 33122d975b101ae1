using GitOpsOperator.Source.Resolution;

namespace GitOpsOperator.Images.Policies;

/// <summary>
/// Selects the tag a policy names among a repository's tags: the filter keeps the tags its pattern matches (and maps
/// each to its extract), the order ranks them, the highest wins. Never a downgrade unless allowed: a previously
/// selected tag the policy still ranks is the floor, kept when nothing ranks above it (even when the registry no
/// longer lists it).
/// </summary>
public sealed class TagSelector
{
    private readonly TagOrder order;
    private readonly GoRegex? pattern;
    private readonly string extract;
    private readonly bool allowDowngrade;

    private TagSelector(TagOrder order, GoRegex? pattern, string extract, bool allowDowngrade)
    {
        this.order = order;
        this.pattern = pattern;
        this.extract = extract;
        this.allowDowngrade = allowDowngrade;
    }

    /// <summary>The selector the spec describes, or an InvalidPolicy naming the field at fault.</summary>
    public static TagSelector? TryCreate(PolicySpec spec, out PolicyFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(spec);
        failure = null;
        var set = new[] { ("semver", spec.SemverRange), ("alphabetical", spec.AlphabeticalOrder), ("numerical", spec.NumericalOrder) }
            .Where(field => field.Item2 is not null)
            .ToList();
        if (set.Count != 1)
        {
            failure = PolicyFailure.InvalidPolicy(set.Count == 0
                ? "spec.policy names no policy: set one of semver, alphabetical, numerical"
                : $"spec.policy sets {string.Join(" and ", set.Select(f => f.Item1))}: set exactly one");
            return null;
        }

        var order = Order(set[0].Item1, set[0].Item2!, out failure);
        if (order is null)
        {
            return null;
        }

        GoRegex? regex = null;
        if (!string.IsNullOrEmpty(spec.FilterPattern))
        {
            regex = GoRegex.TryCompile(spec.FilterPattern, out var problem);
            if (regex is null)
            {
                failure = PolicyFailure.InvalidPolicy($"spec.filterTags.pattern \"{spec.FilterPattern}\" is not a regular expression: {problem}");
                return null;
            }
        }

        return new TagSelector(order, regex, string.IsNullOrEmpty(spec.FilterExtract) ? "" : spec.FilterExtract, spec.AllowDowngrade);
    }

    /// <summary>The selected tag, or NoMatchingTag (InvalidPolicy when the pattern ran past its time limit).</summary>
    public string? Select(IEnumerable<string> tags, string? previous, out PolicyFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(tags);
        failure = null;
        string? best = null;
        IComparable? bestRank = null;
        var considered = 0;
        foreach (var tag in tags)
        {
            considered++;
            var rank = Rank(tag, out failure);
            if (failure is not null)
            {
                return null;
            }

            if (rank is not null && (bestRank is null || rank.CompareTo(bestRank) > 0 || (rank.CompareTo(bestRank) == 0 && string.CompareOrdinal(tag, best) < 0)))
            {
                (best, bestRank) = (tag, rank);
            }
        }

        if (!allowDowngrade && previous is not null && Rank(previous, out _) is { } floor && (bestRank is null || bestRank.CompareTo(floor) < 0))
        {
            return previous;
        }

        if (best is null)
        {
            failure = PolicyFailure.NoMatchingTag(considered == 0 ? "the repository lists no tag" : $"none of the {considered} tags matches the policy");
        }

        return best;
    }

    private IComparable? Rank(string tag, out PolicyFailure? failure)
    {
        failure = null;
        var value = tag;
        if (pattern is not null)
        {
            var match = pattern.Match(tag, out var timedOut);
            if (timedOut)
            {
                failure = PolicyFailure.InvalidPolicy(
                    $"spec.filterTags.pattern takes longer than {GoRegex.MatchTimeout.TotalMilliseconds}ms on tag \"{tag}\": it backtracks; simplify it");
                return null;
            }

            if (match is null)
            {
                return null;
            }

            value = extract.Length == 0 ? tag : GoRegex.Expand(extract, match);
            if (value.Length == 0)
            {
                return null;
            }
        }

        return order.Rank(value);
    }

    private static TagOrder? Order(string kind, string value, out PolicyFailure? failure)
    {
        failure = null;
        switch (kind)
        {
            case "semver" when VersionRange.TryParse(value, out var range):
                return new TagOrder.Semver(range!);
            case "semver":
                failure = PolicyFailure.InvalidPolicy($"spec.policy.semver.range \"{value}\" is not a version range (e.g. \">=1.0.0 <2.0.0\", \"^1.4\", \"1.x\")");
                return null;
            case "alphabetical" or "numerical" when value is "asc" or "desc":
                return kind == "alphabetical" ? new TagOrder.Alphabetical(value == "asc") : new TagOrder.Numerical(value == "asc");
            default:
                failure = PolicyFailure.InvalidPolicy($"spec.policy.{kind}.order \"{value}\" is neither asc nor desc");
                return null;
        }
    }
}
