using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// Which watch events call for a scan now: first sight, a spec change (a new generation) or a new requestedAt
/// annotation (set by `kubectl annotate` or the registry webhook). Our own status writes do not.
/// </summary>
public static class ImageRepositoryTriggers
{
    /// <summary>The requestedAt annotation's value, or null.</summary>
    public static string? RequestedAt(ImageRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Metadata.Annotations?.TryGetValue(ReconcileTriggers.RequestedAtAnnotation, out var value) == true ? value : null;
    }

    public static bool Needs(ImageRepository? previous, ImageRepository current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return previous is null
            || previous.Metadata.Generation != current.Metadata.Generation
            || RequestedAt(previous) != RequestedAt(current);
    }
}
