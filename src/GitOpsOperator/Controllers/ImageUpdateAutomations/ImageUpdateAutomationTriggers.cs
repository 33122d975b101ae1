using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// Which watch events call for a run now: first sight, a spec change (a new generation) or a new requestedAt
/// annotation. Our own status writes do not.
/// </summary>
public static class ImageUpdateAutomationTriggers
{
    /// <summary>The requestedAt annotation's value, or null.</summary>
    public static string? RequestedAt(ImageUpdateAutomation automation)
    {
        ArgumentNullException.ThrowIfNull(automation);
        return automation.Metadata.Annotations?.TryGetValue(ReconcileTriggers.RequestedAtAnnotation, out var value) == true ? value : null;
    }

    public static bool Needs(ImageUpdateAutomation? previous, ImageUpdateAutomation current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return previous is null
            || previous.Metadata.Generation != current.Metadata.Generation
            || RequestedAt(previous) != RequestedAt(current);
    }
}
