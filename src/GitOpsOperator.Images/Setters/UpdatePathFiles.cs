using GitOpsOperator.Manifests.Reading;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// The *.yaml and *.yml files under an automation's update path, in ordinal order of their repo-relative paths; .git is
/// skipped, and symlinks are followed only while they stay inside the working tree (each real file once).
/// </summary>
internal sealed class UpdatePathFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    private readonly RepoBoundary boundary;
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly List<(string RepoPath, string FullPath)> files = [];
    private readonly List<MarkerError> errors = [];

    private UpdatePathFiles(RepoBoundary boundary) => this.boundary = boundary;

    /// <summary>
    /// Walks <paramref name="updatePath"/> (relative to <paramref name="workTree"/>; empty means "./"). A path that leaves
    /// the tree, or is not a directory in it, is an error and no file.
    /// </summary>
    public static (IReadOnlyList<(string RepoPath, string FullPath)> Files, IReadOnlyList<MarkerError> Errors) Find(string workTree, string? updatePath)
    {
        var path = string.IsNullOrWhiteSpace(updatePath) ? "./" : updatePath;
        var walker = new UpdatePathFiles(new RepoBoundary(workTree));
        var top = Path.IsPathRooted(path) ? null : walker.boundary.Resolve(path);
        if (top is null)
        {
            return ([], [new MarkerError(path, 0, "the update path leaves the repository: write it relative to the repository root, without ..")]);
        }

        if (!Directory.Exists(top))
        {
            return ([], [new MarkerError(path, 0, "the update path is not a directory in the repository")]);
        }

        new RepoTreeWalker(walker.boundary, Skips, walker.Found, walker.Failed).Walk(top);
        return (walker.files.OrderBy(file => file.RepoPath, StringComparer.Ordinal).ToList(), walker.errors);
    }

    private static bool Skips(string path, bool isDirectory)
    {
        var name = Path.GetFileName(path);
        return name == ".git" || (!isDirectory && !IsYaml(name));
    }

    private void Found(string shown, string real)
    {
        if (visited.Add(real))
        {
            files.Add((boundary.Relative(shown), real));
        }
    }

    private void Failed(string shown, string message) => errors.Add(new MarkerError(boundary.Relative(shown), 0, message));

    private static bool IsYaml(string name) => Extensions.Any(extension => name.EndsWith(extension, StringComparison.Ordinal));
}
