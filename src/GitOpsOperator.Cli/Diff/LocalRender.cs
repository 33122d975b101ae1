using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Manifests;
using GitOpsOperator.Manifests.Helm;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Cli.Diff;

/// <summary>
/// A local checkout of a GitSync's path rendered exactly as the operator renders a commit (the same renderer entry, the
/// GitSync's spec, the cluster's API scope) and labelled as the operator labels what it applies. A chart renders as the
/// release the GitSync's spec.helm describes: values files from the checkout, valuesFrom read with the kubeconfig's
/// identity, capabilities from the cluster's discovery; its hooks are left out, as the operator never applies them as objects.
/// </summary>
public static class LocalRender
{
    /// <summary>The objects the operator would apply; BuildFailed (exit 2) when the path cannot be rendered.</summary>
    public static async Task<LocalRendering> RenderAsync(
        ClusterSession cluster, GitSyncLookup sync, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(sync);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw CliException.BuildFailed($"--path {directory}: no such directory");
        }

        var root = RepositoryRoot(full) ?? full;
        var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
        var path = relative == "." ? "" : relative;
        await using var syncManager = new SyncManager(cluster.Client);
        var scope = new ClusterApiScope(syncManager);
        var chart = File.Exists(Path.Combine(full, "Chart.yaml"))
            ? await ChartAsync(cluster, sync, root, path, scope, cancellationToken).ConfigureAwait(false)
            : null;
        var result = await GitSyncRenderer.RenderFilesAsync(
            new ManifestRenderer(), sync.GitSync, root, path, chart?.Release, scope, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw CliException.BuildFailed(string.Join("; ", result.Errors));
        }

        var owner = new GitSyncOwner(sync.Namespace, sync.Name);
        return new LocalRendering(
            [.. result.Objects.Select(rendered => (rendered, Labelled(rendered, owner)))],
            new SecretScrubber(chart?.Release.Values ?? []));
    }

    private static async Task<ChartRelease> ChartAsync(
        ClusterSession cluster, GitSyncLookup sync, string root, string path, ClusterApiScope scope, CancellationToken cancellationToken)
    {
        var charts = new ChartReleases(new ChartValuesReader(cluster.Client));
        var (release, _, message) = await charts.PrepareAsync(sync.GitSync, path, file => ReadInside(root, file), scope, cancellationToken).ConfigureAwait(false);
        return release ?? throw CliException.BuildFailed(message!);
    }

    /// <summary>A values file of the checkout, by its repo-root-relative path; null when it is missing or leaves the checkout.</summary>
    private static byte[]? ReadInside(string root, string file)
    {
        var full = Path.GetFullPath(Path.Combine(root, file));
        var inside = full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && File.Exists(full) ? File.ReadAllBytes(full) : null;
    }

    private static JsonObject Labelled(RenderedObject rendered, GitSyncOwner owner)
    {
        var body = rendered.Json.DeepClone().AsObject();
        owner.Label(body);
        return body;
    }

    /// <summary>The git working tree holding the directory (renders may read the rest of the repository, never beyond it).</summary>
    private static string? RepositoryRoot(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }

        return null;
    }
}
