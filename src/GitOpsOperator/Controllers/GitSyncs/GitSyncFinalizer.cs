using GitOpsOperator.Api;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The finalizer that lets a GitSync with prune: true delete its objects before it goes: added while prune is on,
/// removed when prune is turned off or once the objects are gone.
/// </summary>
public sealed class GitSyncFinalizer(IKubernetes client)
{
    public const string Name = "gitops.operator.io/finalizer";

    public static bool IsOn(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        return gitSync.Metadata.Finalizers?.Contains(Name) == true;
    }

    /// <summary>Adds or removes the finalizer so it is there exactly when spec.prune is true.</summary>
    public Task EnsureAsync(GitSync gitSync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        return IsOn(gitSync) == gitSync.Spec.Prune ? Task.CompletedTask : SetAsync(gitSync, gitSync.Spec.Prune, cancellationToken);
    }

    public Task RemoveAsync(GitSync gitSync, CancellationToken cancellationToken) =>
        IsOn(gitSync) ? SetAsync(gitSync, add: false, cancellationToken) : Task.CompletedTask;

    private async Task SetAsync(GitSync gitSync, bool add, CancellationToken cancellationToken)
    {
        var others = (gitSync.Metadata.Finalizers ?? []).Where(f => f != Name);
        var finalizers = add ? [.. others, Name] : others.ToList();
        var patch = new { metadata = new { finalizers } };
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch),
            GitOpsApi.Group, GitOpsApi.Version, gitSync.Metadata.NamespaceProperty, GitOpsApi.GitSyncPlural, gitSync.Metadata.Name,
            fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
