namespace GitOpsOperator.Manifests.Reading;

/// <summary>
/// Walks a directory of a repository: entries in ordinal order, symlinks followed only while they stay inside the
/// repository, each real directory once. Which entries count, and what becomes of the files and errors found, is the
/// caller's: <paramref name="skip"/> gets an entry's path and whether it is a directory; <paramref name="file"/> and
/// <paramref name="error"/> get the path as walked (under the walk's top, symlinks not resolved).
/// </summary>
internal sealed class RepoTreeWalker(RepoBoundary boundary, Func<string, bool, bool> skip, Action<string, string> file, Action<string, string> error)
{
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);

    /// <summary>Walks <paramref name="top"/> (a real directory inside the boundary).</summary>
    public void Walk(string top) => WalkDirectory(top, top);

    private void WalkDirectory(string shownPath, string realPath)
    {
        if (!visited.Add(realPath))
        {
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(realPath).GetFileSystemInfos();
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            error(shownPath, $"cannot read the directory: {failure.GetType().Name}");
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var shown = Path.Join(shownPath, entry.Name);
            if (skip(shown, entry is DirectoryInfo))
            {
                continue;
            }

            var real = entry.LinkTarget is null ? entry.FullName : boundary.ResolveAbsolute(entry.FullName);
            if (real is null)
            {
                error(shown, "symlink points outside the repository");
            }
            else if (Directory.Exists(real))
            {
                WalkDirectory(shown, real);
            }
            else if (File.Exists(real))
            {
                file(shown, real);
            }
        }
    }
}
