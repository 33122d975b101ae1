using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// The status an ImageRepository should show after a step of its reconcile, from the status it shows now. A scan that
/// finds the same tags as before yields a status equal to the current one (scanTime is when the tag set last changed),
/// so an unchanged registry costs no write.
/// </summary>
public static class ImageRepositoryStatuses
{
    public static ImageRepositoryStatus Progressing(ImageRepositoryStatus current, long generation, DateTimeOffset now) =>
        current with { Conditions = KStatus.Progressing(current.Conditions, $"reconciling generation {generation}", generation, now) };

    /// <summary>
    /// Ready=True with the scan's figures. <paramref name="tagSetChanged"/> says whether the tags differ from the last
    /// scan's; null when that scan is unknown (after a restart), then the count and the latest tags decide.
    /// </summary>
    public static ImageRepositoryStatus Scanned(
        ImageRepositoryStatus current, string canonicalName, IReadOnlyList<string> tags, bool truncated, bool? tagSetChanged,
        long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(tags);
        var latest = LatestTags.Of(tags);
        var previous = current.LastScanResult;
        var same = previous is not null && tagSetChanged != true
            && previous.TagCount == tags.Count && previous.LatestTags.SequenceEqual(latest, StringComparer.Ordinal);
        var message = truncated
            ? $"{tags.Count} tags found; the listing stopped at the operator's tag limit"
            : $"{tags.Count} tags found";
        return current with
        {
            ObservedGeneration = generation,
            CanonicalImageName = canonicalName,
            LastScanResult = same ? previous : new ScanResult { ScanTime = WholeSeconds(now), TagCount = tags.Count, LatestTags = latest },
            Conditions = KStatus.Succeeded(current.Conditions, message, generation, now),
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
        };
    }

    /// <summary>Ready=False with the reason; a name that is no image, or a spec that cannot work, is also Stalled.</summary>
    public static ImageRepositoryStatus Failed(
        ImageRepositoryStatus current, string reason, string message, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            ObservedGeneration = generation,
            Conditions = IsStalled(reason)
                ? KStatus.Stalled(current.Conditions, reason, message, generation, now)
                : KStatus.Failed(current.Conditions, reason, message, generation, now),
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
        };
    }

    public static ImageRepositoryStatus Suspended(ImageRepositoryStatus current, long generation) =>
        current with { ObservedGeneration = generation };

    public static bool IsStalled(string reason) => reason is Reasons.InvalidSpec or Reasons.ImageURLInvalid;

    public static bool SameAs(this ImageRepositoryStatus current, ImageRepositoryStatus desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return current.ObservedGeneration == desired.ObservedGeneration
            && current.CanonicalImageName == desired.CanonicalImageName
            && SameScan(current.LastScanResult, desired.LastScanResult)
            && current.LastHandledReconcileAt == desired.LastHandledReconcileAt
            && current.Conditions.SameAs(desired.Conditions);
    }

    private static bool SameScan(ScanResult? a, ScanResult? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.ScanTime == b.ScanTime && a.TagCount == b.TagCount && a.LatestTags.SequenceEqual(b.LatestTags, StringComparer.Ordinal);

    // The API stores times to the second; the value written must equal the one read back.
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
