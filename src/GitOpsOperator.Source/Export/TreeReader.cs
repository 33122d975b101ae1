using System.Text;
using LibGit2Sharp;

namespace GitOpsOperator.Source.Export;

/// <summary>
/// Resolves repo-relative paths in one commit's tree, following symlinks that stay inside the repo root and
/// refusing, by name, those that leave it. Not thread-safe: <see cref="ExportedTree"/> serializes access.
/// </summary>
internal sealed class TreeReader(Tree root)
{
    private const int MaxSymlinkHops = 40;

    /// <summary>The object at the path (a tree or a blob) and the path it resolved to, or why it cannot be read.</summary>
    public Result<(GitObject Target, string ResolvedPath)> Resolve(string path)
    {
        var segments = RepoPath.Resolve([], path);
        return segments is null
            ? Result<(GitObject, string)>.Fail(FailureReason.BuildFailed, $"path \"{path}\" leaves the repository root")
            : Walk(segments, path);
    }

    private Result<(GitObject Target, string ResolvedPath)> Walk(List<string> path, string requested)
    {
        var pending = new Queue<string>(path);
        var resolved = new List<string>();
        GitObject current = root;
        var hops = 0;
        while (pending.TryDequeue(out var segment))
        {
            if (current is not Tree tree)
            {
                return Fail($"\"{RepoPath.Join(resolved)}\" is a file, not a directory, in path \"{requested}\"");
            }

            var entry = tree[segment];
            if (entry is null)
            {
                return Fail($"\"{RepoPath.Join([.. resolved, segment])}\" does not exist");
            }

            if (entry.Mode == Mode.GitLink)
            {
                return Fail($"\"{RepoPath.Join([.. resolved, segment])}\" is a submodule, which is not supported");
            }

            if (entry.Mode != Mode.SymbolicLink)
            {
                current = entry.Target;
                resolved.Add(segment);
                continue;
            }

            var link = RepoPath.Join([.. resolved, segment]);
            var target = Encoding.UTF8.GetString(((Blob)entry.Target).GetContentStream().ReadAllBytes());
            var followed = RepoPath.Resolve(resolved, target);
            if (followed is null)
            {
                return Fail($"symlink \"{link}\" -> \"{target}\" leaves the repository root");
            }

            if (++hops > MaxSymlinkHops)
            {
                return Fail($"symlink \"{link}\" is part of a loop");
            }

            pending = new Queue<string>([.. followed, .. pending]);
            resolved.Clear();
            current = root;
        }

        return Result<(GitObject, string)>.Ok((current, RepoPath.Join(resolved)));
    }

    private static Result<(GitObject, string)> Fail(string message) => Result<(GitObject, string)>.Fail(FailureReason.BuildFailed, message);
}
