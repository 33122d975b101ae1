namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// How a chart is rendered: the release's name and namespace, values files (repo-root-relative, applied after the
/// chart's values.yaml, in order), then further values in order (the last wins), whether the chart's crds/ are
/// included, and the cluster's capabilities for <c>.Capabilities</c>.
/// </summary>
public sealed record HelmRelease(string Name, string Namespace)
{
    /// <summary>Helm's limit on a release name.</summary>
    public const int MaxNameLength = 53;

    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    public IReadOnlyList<HelmValues> Values { get; init; } = [];

    public bool IncludeCrds { get; init; } = true;

    /// <summary>The cluster's version and API versions; null renders with helm's built-in defaults.</summary>
    public HelmCapabilities? Capabilities { get; init; }
}
