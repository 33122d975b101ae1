using GitOpsOperator.Api;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Controllers.GitSyncs;

public sealed partial class GitSyncRenderer
{
    /// <summary>
    /// Renders a GitSync's path from files on disk, as the GitSync's spec asks: the one entry both the operator (after
    /// writing a commit's files) and <c>kubectl gitops diff|build</c> (reading a local checkout) render through.
    /// </summary>
    public static Task<RenderResult> RenderFilesAsync(
        ManifestRenderer renderer, GitSync gitSync, string repoRoot, string path, ClusterApiScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.RenderAsync(
            apiScope => renderer.RenderAsync(new RenderRequest(repoRoot, path, gitSync.Spec.TargetNamespace, apiScope), cancellationToken),
            cancellationToken);
    }
}
