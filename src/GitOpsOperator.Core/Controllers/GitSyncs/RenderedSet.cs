using GitOpsOperator.Manifests;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// A successful render and the key that covers it: the rendered path and namespace default, and the git tree hash of
/// every directory the render read (for a chart, also <see cref="ChartKey"/>: its values and the cluster's capabilities).
/// Another commit with the same trees renders the same objects.
/// </summary>
public sealed record RenderedSet(string Path, string? TargetNamespace, IReadOnlyDictionary<string, string> InputTrees, IReadOnlyList<RenderedObject> Objects)
{
    public string? ChartKey { get; init; }

    public IReadOnlyList<RenderedObject> Hooks { get; init; } = [];
}
