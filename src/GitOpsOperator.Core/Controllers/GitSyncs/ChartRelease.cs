using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// A chart GitSync ready to render: the release, the values files present in the commit (to write out beside the
/// chart), and the key that covers everything the render reads besides the chart's tree — spec.helm, the values
/// files' content, the valuesFrom content (hashed only) and the cluster's capabilities.
/// </summary>
public sealed record ChartRelease(HelmRelease Release, IReadOnlyList<string> ValuesFiles, string Key);
