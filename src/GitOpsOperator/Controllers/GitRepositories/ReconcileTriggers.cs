using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// Which watch events call for a reconcile now: first sight, a spec change (a new generation) or a new
/// requestedAt annotation. Status-only changes (our own writes) do not; the interval takes care of the rest.
/// </summary>
public static class ReconcileTriggers
{
    public const string RequestedAtAnnotation = "gitops.operator.io/requestedAt";

    /// <summary>The requestedAt annotation's value, or null.</summary>
    public static string? RequestedAt(GitRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Metadata.Annotations?.TryGetValue(RequestedAtAnnotation, out var value) == true ? value : null;
    }

    public static bool Needs(GitRepository? previous, GitRepository current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return previous is null
            || previous.Metadata.Generation != current.Metadata.Generation
            || RequestedAt(previous) != RequestedAt(current);
    }
}
