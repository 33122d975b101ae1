using System.Collections.Concurrent;
using GitOpsOperator.Source.Cache;
using GitOpsOperator.Source.Export;
using GitOpsOperator.Source.Remote;
using GitOpsOperator.Source.Resolution;
using GitOpsOperator.Source.Verification;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Source;

/// <summary>
/// Bare repositories cached under one directory, one per normalized URL and shared by every request for it.
/// Objects are shared, credentials are not: every poll lists the remote's refs with its own credentials, and
/// fetches (with them) only when the commit it resolved to is not cached yet.
/// </summary>
public sealed class GitSourceCache : IDisposable
{
    private static readonly string[] AllBranchesAndTags = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

    private readonly string _root;
    private readonly ILogger<GitSourceCache> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private long _polls;
    private long _pollsWithoutFetch;
    private long _fetches;
    private long _bytesReceived;

    public GitSourceCache(string rootDirectory, ILogger<GitSourceCache> logger)
    {
        _root = Path.GetFullPath(rootDirectory);
        _logger = logger;
        Directory.CreateDirectory(_root);
    }

    public SourceCacheStatistics Statistics => new(
        Interlocked.Read(ref _polls), Interlocked.Read(ref _pollsWithoutFetch), Interlocked.Read(ref _fetches), Interlocked.Read(ref _bytesReceived));

    /// <summary>
    /// Lists the remote's refs, resolves the request's reference, fetches when that commit is not cached, verifies
    /// it when keys are given, and returns the artifact — or the failure, as a value. Throws only on cancellation.
    /// </summary>
    public async Task<SourceResult> PollAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _polls);
        var result = await PollOnceAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            Log.PollFailed(_logger, GitUrl.Redact(request.Url), failure.Reason, failure.Message);
        }
        else if (result.Fetched)
        {
            Interlocked.Increment(ref _fetches);
            Interlocked.Add(ref _bytesReceived, result.BytesReceived);
            Log.Fetched(_logger, request.Url, result.Artifact!.Revision, result.BytesReceived);
        }
        else
        {
            Interlocked.Increment(ref _pollsWithoutFetch);
            Log.Unchanged(_logger, request.Url, result.Artifact!.Revision);
        }

        return result;
    }

    /// <summary>
    /// Opens the artifact's commit for reading <paramref name="path"/> (relative to the repo root) without a checkout.
    /// The caller disposes the tree.
    /// </summary>
    public async Task<Result<ExportedTree>> ExportAsync(Artifact artifact, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var url = GitUrl.Parse(artifact.Url);
        if (url.Failure is { } invalid)
        {
            return Result<ExportedTree>.Fail(invalid);
        }

        var gate = Lock(url.Value!);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var directory = Path.Combine(_root, url.Value!.CacheDirectoryName());
            return Directory.Exists(directory)
                ? ExportedTree.Open(directory, artifact.CommitSha, path)
                : Result<ExportedTree>.Fail(FailureReason.ArtifactFailed, $"{artifact.Url} has not been fetched into this cache");
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<SourceResult> PollOnceAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var parsed = GitUrl.Parse(request.Url);
        if (parsed.Failure is { } invalidUrl)
        {
            return SourceResult.Failed(invalidUrl);
        }

        var url = parsed.Value!;
        if (request.Reference.Validate() is { } invalidRef)
        {
            return SourceResult.Failed(FailureReason.InvalidSpec, invalidRef);
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            return SourceResult.Failed(FailureReason.InvalidSpec, $"spec.timeout must be positive, not {request.Timeout}");
        }

        var session = RemoteSession.Open(url, request.Credentials, request.Timeout);
        if (session.Failure is { } unusable)
        {
            return SourceResult.Failed(unusable);
        }

        using var remote = session.Value!;
        var resolved = await ListAndResolveAsync(url, request, remote.Environment, cancellationToken).ConfigureAwait(false);
        if (resolved.Failure is { } unresolved)
        {
            return SourceResult.Failed(unresolved);
        }

        var gate = Lock(url);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var repository = new BareRepository(Path.Combine(_root, url.CacheDirectoryName()));
            return await UpdateAsync(repository, url, resolved.Value!, request, remote.Environment, cancellationToken).ConfigureAwait(false);
        }
        catch (LibGit2SharpException e)
        {
            return SourceResult.Failed(FailureReason.ArtifactFailed, $"the cache of {url} could not be read: {e.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One ref listing (protocol v0: a single round trip on every transport), resolved without touching the cache.</summary>
    private static async Task<Result<ResolvedRef>> ListAndResolveAsync(
        GitUrl url, SourceRequest request, GitEnvironment environment, CancellationToken cancellationToken)
    {
        var listing = await GitProcess.RunAsync(
            ["-c", "protocol.version=0", "ls-remote", "--symref", "--", url.Value], environment, request.Timeout, cancellationToken)
            .ConfigureAwait(false);
        return listing.Succeeded
            ? RefResolver.Resolve(request.Reference, RemoteRefs.Parse(listing.OutputText), url.Value)
            : Result<ResolvedRef>.Fail(GitErrors.Describe("listing refs of", url, listing, request.Timeout));
    }

    private static async Task<SourceResult> UpdateAsync(
        BareRepository repository, GitUrl url, ResolvedRef resolved, SourceRequest request, GitEnvironment environment, CancellationToken cancellationToken)
    {
        if (await repository.EnsureCreatedAsync(request.Timeout, cancellationToken).ConfigureAwait(false) is { } initFailed)
        {
            return SourceResult.Failed(FailureReason.ArtifactFailed, $"the cache for {url.Value} could not be created: {initFailed.Error.Trim()}");
        }

        var fetched = false;
        long bytes = 0;
        if (!await IsCachedAsync(repository, resolved, request.Timeout, cancellationToken).ConfigureAwait(false))
        {
            var refspecs = resolved.RefName is { } refName ? [$"+{refName}:{refName}"] : AllBranchesAndTags;
            var (fetch, received) = await repository.FetchAsync(url, refspecs, environment, request.Timeout, cancellationToken).ConfigureAwait(false);
            if (!fetch.Succeeded)
            {
                return SourceResult.Failed(GitErrors.Describe("fetching", url, fetch, request.Timeout));
            }

            (fetched, bytes) = (true, received);
            if (resolved.RefName is null && !await IsCachedAsync(repository, resolved, request.Timeout, cancellationToken).ConfigureAwait(false))
            {
                return SourceResult.Failed(
                    FailureReason.RefNotFound, $"commit {resolved.CommitSha} is not reachable from any branch or tag of {url.Value}");
            }
        }

        if (request.VerifyKeys is { } keys && CommitVerifier.Verify(repository.Directory, resolved.CommitSha, keys) is { } untrusted)
        {
            return SourceResult.Failed(untrusted);
        }

        var commit = repository.ReadCommit(resolved.CommitSha);
        var artifact = new Artifact(url.Value, resolved.Revision, resolved.CommitSha, commit.Message, commit.Author, commit.Time, DateTimeOffset.UtcNow);
        return SourceResult.Success(artifact, fetched, bytes);
    }

    private static async Task<bool> IsCachedAsync(BareRepository repository, ResolvedRef resolved, TimeSpan timeout, CancellationToken cancellationToken) =>
        repository.HasCommit(resolved.CommitSha)
        && (resolved.RefName is not null || await repository.IsReachableAsync(resolved.CommitSha, timeout, cancellationToken).ConfigureAwait(false));

    private SemaphoreSlim Lock(GitUrl url) => _locks.GetOrAdd(url.CacheKey, _ => new SemaphoreSlim(1, 1));
}
