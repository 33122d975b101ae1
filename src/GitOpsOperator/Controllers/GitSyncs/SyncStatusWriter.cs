using GitOpsOperator.Api;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Writes a GitSync's status through the /status subresource, only when it differs from what it shows.</summary>
public sealed class SyncStatusWriter(IKubernetes client)
{
    /// <summary>Writes <paramref name="desired"/> unless it equals <paramref name="current"/>; returns the status now shown.</summary>
    public async Task<GitSyncStatus> WriteIfChangedAsync(GitSync gitSync, GitSyncState state, GitSyncStatus current, GitSyncStatus desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(state);
        if (current.SameAs(desired))
        {
            return current;
        }

        var patch = new V1Patch(KubernetesJson.Serialize(new { status = desired }), V1Patch.PatchType.MergePatch);
        var updated = await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<GitSync>(
            patch, GitOpsApi.Group, GitOpsApi.Version, gitSync.Metadata.NamespaceProperty, GitOpsApi.GitSyncPlural, gitSync.Metadata.Name,
            fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        state.Wrote(desired, updated.Metadata.ResourceVersion);
        return desired;
    }
}
