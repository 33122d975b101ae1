using LibGit2Sharp;

namespace GitOpsOperator.Source.Export;

/// <summary>
/// One path of one commit, read straight from the object database (no checkout). Anything inside the repo root
/// can be read by its repo-relative path (an overlay may read <c>../base</c>); nothing outside it. Thread-safe;
/// dispose it when done.
/// </summary>
public sealed class ExportedTree : IDisposable
{
    private const int MaxLinkedDirectories = 40;

    private readonly Repository _repository;
    private readonly TreeReader _reader;
    private readonly Lock _gate = new();

    private ExportedTree(Repository repository, Commit commit, string path, string treeHash, IReadOnlyList<string> files)
    {
        _repository = repository;
        _reader = new TreeReader(commit.Tree);
        CommitSha = commit.Sha;
        Path = path;
        TreeHash = treeHash;
        Files = files;
    }

    public string CommitSha { get; }

    /// <summary>The exported path, repo-relative and normalized ("" for the root).</summary>
    public string Path { get; }

    /// <summary>The git tree hash of <see cref="Path"/>: equal hashes mean equal content.</summary>
    public string TreeHash { get; }

    /// <summary>The repo-relative paths of every file under <see cref="Path"/>, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Opens the commit in a cached repository and lists the path; fails when the path is missing or escapes.</summary>
    internal static Result<ExportedTree> Open(string repositoryDirectory, string commitSha, string path)
    {
        var repository = new Repository(repositoryDirectory);
        if (repository.Lookup<Commit>(commitSha) is not { } commit)
        {
            repository.Dispose();
            return Result<ExportedTree>.Fail(FailureReason.ArtifactFailed, $"commit {commitSha} is not in the cache; poll the source first");
        }

        var reader = new TreeReader(commit.Tree);
        var tree = ResolveTree(reader, path);
        var files = tree.Succeeded ? ListFiles(reader, tree.Value.Path) : Result<IReadOnlyList<string>>.Fail(tree.Failure!);
        if (files.Failure is { } failure)
        {
            repository.Dispose();
            return Result<ExportedTree>.Fail(failure);
        }

        return Result<ExportedTree>.Ok(new ExportedTree(repository, commit, tree.Value.Path, tree.Value.Tree.Sha, files.Value!));
    }

    /// <summary>The content of a file, by repo-relative path; symlinks inside the repo are followed.</summary>
    public Result<byte[]> ReadFile(string repoRelativePath)
    {
        lock (_gate)
        {
            var resolved = _reader.Resolve(repoRelativePath);
            return resolved.Failure is { } failure
                ? Result<byte[]>.Fail(failure)
                : resolved.Value.Target is Blob blob
                    ? Result<byte[]>.Ok(blob.GetContentStream().ReadAllBytes())
                    : Result<byte[]>.Fail(FailureReason.BuildFailed, $"\"{repoRelativePath}\" is a directory, not a file");
        }
    }

    /// <summary>The git tree hash of a directory, by repo-relative path (for render cache keys).</summary>
    public Result<string> TreeHashOf(string repoRelativeDirectory)
    {
        lock (_gate)
        {
            var tree = ResolveTree(_reader, repoRelativeDirectory);
            return tree.Succeeded ? Result<string>.Ok(tree.Value.Tree.Sha) : Result<string>.Fail(tree.Failure!);
        }
    }

    /// <summary>The repo-relative paths of every file under a directory, sorted.</summary>
    public Result<IReadOnlyList<string>> ListFiles(string repoRelativeDirectory)
    {
        lock (_gate)
        {
            var tree = ResolveTree(_reader, repoRelativeDirectory);
            return tree.Succeeded ? ListFiles(_reader, tree.Value.Path) : Result<IReadOnlyList<string>>.Fail(tree.Failure!);
        }
    }

    public void Dispose() => _repository.Dispose();

    private static Result<(Tree Tree, string Path)> ResolveTree(TreeReader reader, string path)
    {
        var resolved = reader.Resolve(path);
        return resolved.Failure is { } failure
            ? Result<(Tree, string)>.Fail(failure)
            : resolved.Value.Target is Tree tree
                ? Result<(Tree, string)>.Ok((tree, resolved.Value.ResolvedPath))
                : Result<(Tree, string)>.Fail(FailureReason.BuildFailed, $"\"{path}\" is a file, not a directory");
    }

    private static Result<IReadOnlyList<string>> ListFiles(TreeReader reader, string directory)
    {
        var files = new List<string>();
        var problem = Collect(reader, directory, directory, files, 0);
        files.Sort(StringComparer.Ordinal);
        return problem is null ? Result<IReadOnlyList<string>>.Ok(files) : Result<IReadOnlyList<string>>.Fail(problem);
    }

    private static SourceFailure? Collect(TreeReader reader, string listedAs, string resolvedDirectory, List<string> files, int linkedDepth)
    {
        var tree = (Tree)reader.Resolve(resolvedDirectory).Value.Target;
        foreach (var entry in tree)
        {
            var listed = listedAs.Length == 0 ? entry.Name : $"{listedAs}/{entry.Name}";
            var actual = resolvedDirectory.Length == 0 ? entry.Name : $"{resolvedDirectory}/{entry.Name}";
            var problem = entry.Mode switch
            {
                Mode.Directory => Collect(reader, listed, actual, files, linkedDepth),
                Mode.SymbolicLink => CollectLink(reader, listed, actual, files, linkedDepth),
                Mode.GitLink => null,
                _ => Add(files, listed),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static SourceFailure? CollectLink(TreeReader reader, string listed, string actual, List<string> files, int linkedDepth)
    {
        var target = reader.Resolve(actual);
        if (target.Failure is { } failure)
        {
            return failure;
        }

        if (target.Value.Target is not Tree)
        {
            return Add(files, listed);
        }

        return linkedDepth >= MaxLinkedDirectories
            ? new SourceFailure(FailureReason.BuildFailed, $"symlink \"{actual}\" is part of a loop")
            : Collect(reader, listed, target.Value.ResolvedPath, files, linkedDepth + 1);
    }

    private static SourceFailure? Add(List<string> files, string path)
    {
        files.Add(path);
        return null;
    }
}
