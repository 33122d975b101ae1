using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Manifests;

/// <summary>What to render: a path inside an exported repository tree, the namespace default and the cluster's API scope.</summary>
public sealed record RenderRequest(string RepoRoot, string Path, string? TargetNamespace, IApiScope ApiScope)
{
    /// <summary>The release a path holding a Helm chart renders as; a chart without one is a build error.</summary>
    public HelmRelease? Helm { get; init; }
}
