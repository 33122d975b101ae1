using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Manifests;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Export;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Turns a GitSync's path at one revision into objects: from its render cache when the trees the render reads are
/// unchanged, otherwise by writing the files the render needs to a temporary directory and rendering them there. A path
/// holding a Chart.yaml renders as the release its spec.helm describes.
/// </summary>
public sealed partial class GitSyncRenderer(GitSourceCache source, ManifestRenderer renderer, ChartReleases charts, ILogger<GitSyncRenderer> logger)
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public async Task<RenderAttempt> RenderAsync(GitSync gitSync, Source.Artifact artifact, RenderCache cache, ClusterApiScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(scope);
        var exported = await source.ExportAsync(artifact, gitSync.Spec.Path, cancellationToken).ConfigureAwait(false);
        if (exported.Failure is { } failure)
        {
            var reason = failure.Reason == FailureReason.ArtifactFailed ? Reasons.ArtifactFailed : Reasons.BuildFailed;
            return RenderAttempt.Failed(reason, failure.Message);
        }

        using var tree = exported.Value!;
        var targetNamespace = gitSync.Spec.TargetNamespace;
        ChartRelease? chart = null;
        if (IsChart(tree))
        {
            var (release, reason, message) = await charts.PrepareAsync(gitSync, tree.Path, file => tree.ReadFile(file).Value, scope, cancellationToken).ConfigureAwait(false);
            if (release is null)
            {
                return RenderAttempt.Failed(reason!, message!);
            }

            chart = release;
        }

        if (cache.Find(tree, targetNamespace, chart?.Key) is { } cached)
        {
            return RenderAttempt.Rendered(cached.Objects, fromCache: true) with { Hooks = cached.Hooks };
        }

        var files = IsKustomization(tree) ? tree.ListFiles("")
            : Result<IReadOnlyList<string>>.Ok(chart is null ? tree.Files : [.. tree.Files.Union(chart.ValuesFiles, StringComparer.Ordinal)]);
        if (files.Failure is { } unreadable)
        {
            return RenderAttempt.Failed(Reasons.BuildFailed, unreadable.Message);
        }

        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gitops-operator", "render", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            if (await TreeMaterializer.WriteAsync(tree, files.Value!, directory, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return RenderAttempt.Failed(Reasons.BuildFailed, problem);
            }

            var result = await RenderFilesAsync(renderer, gitSync, directory, tree.Path, chart?.Release, scope, cancellationToken).ConfigureAwait(false);
            LogRendered(logger, gitSync.Metadata.NamespaceProperty, gitSync.Metadata.Name, artifact.Revision, result.Objects.Count);
            if (!result.Succeeded)
            {
                return RenderAttempt.Failed(Reasons.BuildFailed, string.Join("; ", result.Errors));
            }

            var kept = KeptObjects.Of(result.Objects);
            Remember(cache, tree, targetNamespace, chart?.Key, result, kept);
            return RenderAttempt.Rendered(kept, fromCache: false) with { Hooks = result.Hooks };
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsKustomization(ExportedTree tree) => KustomizationNames.Any(name => tree.Files.Contains(AtTop(tree, name)));

    private static bool IsChart(ExportedTree tree) => tree.Files.Contains(AtTop(tree, "Chart.yaml"));

    private static string AtTop(ExportedTree tree, string name) => tree.Path.Length == 0 ? name : $"{tree.Path}/{name}";

    private static void Remember(RenderCache cache, ExportedTree tree, string? targetNamespace, string? chartKey, RenderResult result, IReadOnlyList<RenderedObject> objects)
    {
        IReadOnlyList<string> inputs = result.InputPaths.Count > 0 ? result.InputPaths : [""];
        var trees = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (tree.TreeHashOf(input) is not { Succeeded: true } hash)
            {
                return;
            }

            trees[input] = hash.Value!;
        }

        cache.Add(new RenderedSet(tree.Path, targetNamespace, trees, objects) { ChartKey = chartKey, Hooks = result.Hooks });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rendered GitSync {Namespace}/{Name} at {Revision}: {Count} objects")]
    private static partial void LogRendered(ILogger logger, string? @namespace, string? name, string revision, int count);
}
