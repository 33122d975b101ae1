using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Which watch events call for a reconcile now: first sight, a spec change (a new generation), a new requestedAt
/// annotation, or the start of a deletion. Status-only changes (our own writes) do not.
/// </summary>
public static class GitSyncTriggers
{
    /// <summary>The requestedAt annotation's value, or null.</summary>
    public static string? RequestedAt(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        return gitSync.Metadata.Annotations?.TryGetValue(ReconcileTriggers.RequestedAtAnnotation, out var value) == true ? value : null;
    }

    public static bool Needs(GitSync? previous, GitSync current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return previous is null
            || previous.Metadata.Generation != current.Metadata.Generation
            || RequestedAt(previous) != RequestedAt(current)
            || (previous.Metadata.DeletionTimestamp is null && current.Metadata.DeletionTimestamp is not null);
    }

    /// <summary>True when the change can unblock (or block) GitSyncs that depend on this one.</summary>
    public static bool ReadinessChanged(GitSync? previous, GitSync current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var before = previous?.Status?.Conditions.Find(ConditionTypes.Ready);
        var after = current.Status?.Conditions.Find(ConditionTypes.Ready);
        return before?.Status != after?.Status || before?.ObservedGeneration != after?.ObservedGeneration;
    }

    /// <summary>True when <paramref name="dependent"/> lists the GitSync named by the key in its dependsOn.</summary>
    public static bool DependsOn(GitSync dependent, GitSyncKey dependency)
    {
        ArgumentNullException.ThrowIfNull(dependent);
        var own = dependent.Metadata.NamespaceProperty ?? "";
        return dependent.Spec.DependsOn.Any(d => (d.Namespace ?? own) == dependency.Namespace && d.Name == dependency.Name);
    }

    /// <summary>True when the GitSync reads the named GitRepository.</summary>
    public static bool ReadsSource(GitSync gitSync, string namespaceName, string name)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        return gitSync.Spec.SourceRef.Name == name && (gitSync.Spec.SourceRef.Namespace ?? gitSync.Metadata.NamespaceProperty) == namespaceName;
    }
}
