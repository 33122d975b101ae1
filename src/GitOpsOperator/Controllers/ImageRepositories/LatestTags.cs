using GitOpsOperator.Source.Resolution;
using Semver;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// The ten tags status.lastScanResult.latestTags shows: highest first, versions (by semver precedence) before other
/// tags (in reverse ordinal order).
/// </summary>
public static class LatestTags
{
    public const int Count = 10;

    public static IReadOnlyList<string> Of(IEnumerable<string> tags) =>
        [.. tags
            .Select(tag => (tag, version: VersionRange.Version(tag)))
            .OrderByDescending(t => t.version is not null)
            .ThenByDescending(t => t.version!, SemVersion.PrecedenceComparer)
            .ThenByDescending(t => t.tag, StringComparer.Ordinal)
            .Take(Count)
            .Select(t => t.tag)];
}
