using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Whether every GitSync a GitSync depends on is Ready for its current generation.</summary>
public static class DependencyCheck
{
    /// <summary>Why the GitSync must wait (naming the first dependency not ready), or null when it may proceed.</summary>
    public static string? Blocking(GitSync gitSync, Func<GitSyncKey, GitSync?> lookup)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(lookup);
        var own = gitSync.Metadata.NamespaceProperty ?? "";
        foreach (var dependency in gitSync.Spec.DependsOn)
        {
            var key = new GitSyncKey(dependency.Namespace ?? own, dependency.Name);
            var found = lookup(key);
            if (found is null)
            {
                return $"dependency GitSync {key} not found";
            }

            var ready = found.Status?.Conditions.Find(ConditionTypes.Ready);
            var generation = found.Metadata.Generation ?? 0;
            if (ready?.Status != Condition.True || found.Status?.ObservedGeneration != generation || ready.ObservedGeneration != generation)
            {
                return $"dependency GitSync {key} is not ready";
            }
        }

        return null;
    }
}
