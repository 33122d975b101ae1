using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>
/// The status an ImagePolicy should show after a step of its reconcile. latestRef changes only with a new selection
/// (the old one moves to previousRef); a failure keeps both, so the last selection stays usable and stays the floor.
/// </summary>
public static class ImagePolicyStatuses
{
    public static ImagePolicyStatus Progressing(ImagePolicyStatus current, long generation, DateTimeOffset now) =>
        current with { Conditions = KStatus.Progressing(current.Conditions, $"reconciling generation {generation}", generation, now) };

    public static ImagePolicyStatus Selected(ImagePolicyStatus current, ImageRef selected, long generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(selected);
        var moved = current.LatestRef is not null && current.LatestRef != selected;
        return current with
        {
            ObservedGeneration = generation,
            LatestRef = selected,
            PreviousRef = moved ? current.LatestRef : current.PreviousRef,
            Conditions = KStatus.Succeeded(current.Conditions, $"selected {selected.Image}:{selected.Tag}", generation, now),
        };
    }

    /// <summary>Ready=False with the reason; InvalidPolicy is also Stalled (only a spec change helps).</summary>
    public static ImagePolicyStatus Failed(ImagePolicyStatus current, string reason, string message, long generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            ObservedGeneration = generation,
            Conditions = reason == Reasons.InvalidPolicy
                ? KStatus.Stalled(current.Conditions, reason, message, generation, now)
                : KStatus.Failed(current.Conditions, reason, message, generation, now),
        };
    }

    public static ImagePolicyStatus Suspended(ImagePolicyStatus current, long generation) =>
        current with { ObservedGeneration = generation };

    public static bool SameAs(this ImagePolicyStatus current, ImagePolicyStatus desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return current.ObservedGeneration == desired.ObservedGeneration
            && current.LatestRef == desired.LatestRef
            && current.PreviousRef == desired.PreviousRef
            && current.Conditions.SameAs(desired.Conditions);
    }
}
