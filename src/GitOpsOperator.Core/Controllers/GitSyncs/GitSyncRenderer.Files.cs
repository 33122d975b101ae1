using GitOpsOperator.Api;
using GitOpsOperator.Manifests;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Controllers.GitSyncs;

public sealed partial class GitSyncRenderer
{
    /// <summary>
    /// Renders a GitSync's path from files on disk, as the GitSync's spec asks: the one entry both the operator (after
    /// writing a commit's files) and <c>kubectl gitops diff|build</c> (reading a local checkout) render through. A chart
    /// renders as <paramref name="helm"/>, the release <see cref="ChartReleases"/> prepared from the GitSync's spec.helm.
    /// </summary>
    public static Task<RenderResult> RenderFilesAsync(
        ManifestRenderer renderer, GitSync gitSync, string repoRoot, string path, HelmRelease? helm, ClusterApiScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.RenderAsync(
            apiScope => renderer.RenderAsync(new RenderRequest(repoRoot, path, gitSync.Spec.TargetNamespace, apiScope) { Helm = helm }, cancellationToken),
            cancellationToken);
    }
}
