using MAB.DotIgnore;

namespace GitOpsOperator.Manifests.Reading;

/// <summary>
/// Finds the manifest files under a directory: *.yaml, *.yml and *.json, recursively, in ordinal order of their
/// repo-relative paths; names starting with '.' and paths matched by a .gitopsignore at the top are skipped;
/// symlinks are followed only while they stay inside the repository.
/// </summary>
internal sealed class ManifestFileWalker
{
    public const string IgnoreFileName = ".gitopsignore";
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly RepoBoundary boundary;
    private readonly string top;
    private readonly IgnoreList? ignore;
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly List<ManifestFile> files = [];
    private readonly List<RenderError> errors = [];

    private ManifestFileWalker(RepoBoundary boundary, string top)
    {
        this.boundary = boundary;
        this.top = top;
        var ignorePath = Path.Combine(top, IgnoreFileName);
        ignore = File.Exists(ignorePath) ? new IgnoreList(ignorePath) : null;
    }

    /// <summary>Walks <paramref name="top"/> (a real directory inside the boundary).</summary>
    public static (IReadOnlyList<ManifestFile> Files, IReadOnlyList<RenderError> Errors) Walk(RepoBoundary boundary, string top)
    {
        var walker = new ManifestFileWalker(boundary, top);
        walker.WalkDirectory(top, top);
        var ordered = walker.files.OrderBy(file => file.RepoPath, StringComparer.Ordinal).ToList();
        return (ordered, walker.errors);
    }

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
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            errors.Add(new RenderError($"cannot read the directory: {error.GetType().Name}", new SourceLocation(boundary.Relative(shownPath))));
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var shown = Path.Join(shownPath, entry.Name);
            var isDirectory = entry is DirectoryInfo;
            if (entry.Name.StartsWith('.') || IsIgnored(shown, isDirectory) || (!isDirectory && !HasManifestExtension(entry.Name)))
            {
                continue;
            }

            var real = entry.LinkTarget is null ? entry.FullName : boundary.ResolveAbsolute(entry.FullName);
            if (real is null)
            {
                errors.Add(new RenderError("symlink points outside the repository", new SourceLocation(boundary.Relative(shown))));
                continue;
            }

            if (Directory.Exists(real))
            {
                WalkDirectory(shown, real);
            }
            else if (File.Exists(real) && HasManifestExtension(entry.Name))
            {
                files.Add(new ManifestFile(boundary.Relative(shown), real, new FileInfo(real).Length));
            }
        }
    }

    private bool IsIgnored(string path, bool isDirectory) =>
        ignore is not null && ignore.IsIgnored(Path.GetRelativePath(top, path).Replace('\\', '/'), isDirectory);

    private static bool HasManifestExtension(string name) => Extensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal));
}
