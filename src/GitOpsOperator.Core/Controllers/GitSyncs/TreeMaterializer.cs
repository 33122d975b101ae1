using GitOpsOperator.Source.Export;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Writes files of an exported commit under a directory, at their repo-relative paths, for the renderer to read.</summary>
public static class TreeMaterializer
{
    /// <summary>Writes the files; returns why one could not be read, or null.</summary>
    public static async Task<string?> WriteAsync(ExportedTree tree, IReadOnlyList<string> files, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            var content = tree.ReadFile(file);
            if (content.Failure is { } failure)
            {
                return failure.Message;
            }

            var target = Path.Combine(directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content.Value!, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
