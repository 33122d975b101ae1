using GitOpsOperator.Source.Remote;
using LibGit2Sharp;

namespace GitOpsOperator.Source.Cache;

/// <summary>
/// One cached bare repository. Callers hold its lock: git processes and libgit2 handles on it never overlap.
/// Fetches land in a new pack that is only referenced once complete, so an interrupted fetch leaves nothing but
/// a temporary file, removed before the next one.
/// </summary>
internal sealed class BareRepository
{
    private const int MaxPacks = 20;

    public BareRepository(string directory) => Directory = directory;

    public string Directory { get; }

    private string PackDirectory => Path.Combine(Directory, "objects", "pack");

    public async Task<GitProcessResult?> EnsureCreatedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(Directory, "HEAD")))
        {
            return null;
        }

        var result = await GitProcess.RunAsync(["init", "--bare", "--quiet", "--", Directory], GitEnvironment.Empty, timeout, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? null : result;
    }

    public bool HasCommit(string sha)
    {
        using var repository = new Repository(Directory);
        return repository.Lookup<Commit>(sha) is not null;
    }

    /// <summary>The commit's first message line, author and time.</summary>
    public CommitDetails ReadCommit(string sha)
    {
        using var repository = new Repository(Directory);
        var commit = repository.Lookup<Commit>(sha);
        return new CommitDetails(commit.MessageShort, $"{commit.Author.Name} <{commit.Author.Email}>", commit.Author.When);
    }

    /// <summary>Whether some branch or tag of the cache contains the commit.</summary>
    public async Task<bool> IsReachableAsync(string sha, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await GitProcess.RunAsync(
            ["-C", Directory, "for-each-ref", "--count=1", "--contains", sha, "refs/heads", "refs/tags"],
            GitEnvironment.Empty, timeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded && result.Output.Length > 0;
    }

    /// <summary>Fetches the refspecs; the result and the bytes received, as git's transfer progress reports them.</summary>
    public async Task<(GitProcessResult Result, long BytesReceived)> FetchAsync(
        GitUrl url, IReadOnlyList<string> refspecs, GitEnvironment environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        RemoveInterruptedFetches();
        string[] arguments =
        [
            "-C", Directory, "-c", "fetch.unpackLimit=1", "-c", "gc.auto=0", "-c", "maintenance.auto=false",
            "fetch", "--progress", "--no-tags", "--no-write-fetch-head", "--", url.Value, .. refspecs,
        ];
        var result = await GitProcess.RunAsync(arguments, environment, timeout, cancellationToken).ConfigureAwait(false);
        var received = TransferProgress.BytesReceived(result.Error);
        if (result.Succeeded && Packs().Count() > MaxPacks)
        {
            await GitProcess.RunAsync(
                ["-C", Directory, "repack", "-a", "-d", "-q", "--keep-unreachable"], GitEnvironment.Empty, timeout, cancellationToken)
                .ConfigureAwait(false);
        }

        return (result, received);
    }

    private IEnumerable<FileInfo> Packs() =>
        System.IO.Directory.Exists(PackDirectory) ? new DirectoryInfo(PackDirectory).EnumerateFiles("pack-*.pack") : [];

    private void RemoveInterruptedFetches()
    {
        if (!System.IO.Directory.Exists(PackDirectory))
        {
            return;
        }

        foreach (var leftover in new DirectoryInfo(PackDirectory).EnumerateFiles("tmp_*"))
        {
            leftover.Delete();
        }
    }
}
