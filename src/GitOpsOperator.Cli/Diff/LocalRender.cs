using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Cli.Diff;

/// <summary>
/// A local checkout of a GitSync's path rendered exactly as the operator renders a commit (the same renderer entry, the
/// GitSync's spec, the cluster's API scope) and labelled as the operator labels what it applies.
/// </summary>
public static class LocalRender
{
    /// <summary>Each rendered object with the body the operator would apply; BuildFailed (exit 2) when the path cannot be rendered.</summary>
    public static async Task<IReadOnlyList<(RenderedObject Rendered, JsonObject Body)>> RenderAsync(
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
        await using var syncManager = new SyncManager(cluster.Client);
        var result = await GitSyncRenderer.RenderFilesAsync(
            new ManifestRenderer(), sync.GitSync, root, relative == "." ? "" : relative, new ClusterApiScope(syncManager), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw CliException.BuildFailed(string.Join("; ", result.Errors));
        }

        var owner = new GitSyncOwner(sync.Namespace, sync.Name);
        return [.. result.Objects.Select(rendered => (rendered, Labelled(rendered, owner)))];
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
