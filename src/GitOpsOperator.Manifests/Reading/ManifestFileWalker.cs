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
        new RepoTreeWalker(boundary, walker.Skips, walker.Found, walker.Failed).Walk(top);
        var ordered = walker.files.OrderBy(file => file.RepoPath, StringComparer.Ordinal).ToList();
        return (ordered, walker.errors);
    }

    private bool Skips(string path, bool isDirectory)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || IsIgnored(path, isDirectory) || (!isDirectory && !HasManifestExtension(name));
    }

    private void Found(string shown, string real) => files.Add(new ManifestFile(boundary.Relative(shown), real, new FileInfo(real).Length));

    private void Failed(string shown, string message) => errors.Add(new RenderError(message, new SourceLocation(boundary.Relative(shown))));

    private bool IsIgnored(string path, bool isDirectory) =>
        ignore is not null && ignore.IsIgnored(Path.GetRelativePath(top, path).Replace('\\', '/'), isDirectory);

    private static bool HasManifestExtension(string name) => Extensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal));
}
