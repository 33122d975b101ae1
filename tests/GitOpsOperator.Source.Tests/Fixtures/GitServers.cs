using GitOpsOperator.Source.Push;
using GitOpsOperator.Source.Tests.Servers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>
/// The real servers every test talks to, started once: git daemon, smart HTTP (Kestrel + git http-backend), sshd,
/// and a server that stalls. All serve the bare repositories under <see cref="ServeRoot"/>.
/// </summary>
public sealed class GitServers : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("gitops-source-tests-").FullName;
    private readonly Lazy<Task<LargeRepo>> _large;
    private int _repos;

    private readonly Lazy<Task<GitSourceCache>> _largeCache;

    public GitServers()
    {
        _large = new(() => LargeRepo.CreateAsync(ServeRoot, "large"));
        _largeCache = new(CloneLargeRepoAsync);
    }

    public string ServeRoot => Path.Combine(_root, "srv");

    public GitDaemon Daemon { get; private set; } = null!;

    public SmartHttpServer Http { get; private set; } = null!;

    public SshServer Ssh { get; private set; } = null!;

    public StallingServer Stalling { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ServeRoot);
        Daemon = await GitDaemon.StartAsync(ServeRoot);
        Http = await SmartHttpServer.StartAsync(ServeRoot);
        Ssh = await SshServer.StartAsync(Path.Combine(_root, "ssh"));
    }

    /// <summary>A new, empty origin repository with a unique name.</summary>
    public Task<OriginRepo> NewRepoAsync(string defaultBranch = "main") =>
        OriginRepo.CreateAsync(ServeRoot, Path.Combine(_root, "work"), $"repo{Interlocked.Increment(ref _repos)}", defaultBranch);

    /// <summary>The 10,000-commit, 5,000-file repository, generated on first use.</summary>
    public Task<LargeRepo> LargeRepoAsync() => _large.Value;

    /// <summary>A cache that has cloned the large repository over smart HTTP once; later tests poll it further.</summary>
    public Task<GitSourceCache> LargeRepoCacheAsync() => _largeCache.Value;

    public SourceRequest LargeRepoRequest() => Requests.For(Http.Url("open", "large"));

    /// <summary>A new, empty cache in its own directory.</summary>
    public GitSourceCache NewCache() =>
        new(Path.Combine(_root, "caches", Guid.NewGuid().ToString("N")), NullLogger<GitSourceCache>.Instance);

    /// <summary>A new pusher with its work trees in their own directory.</summary>
    public GitPusher NewPusher(PushRetry? retry = null, ILogger<GitPusher>? logger = null) =>
        new(Path.Combine(_root, "pushers", Guid.NewGuid().ToString("N")), logger ?? NullLogger<GitPusher>.Instance, retry);

    private async Task<GitSourceCache> CloneLargeRepoAsync()
    {
        await LargeRepoAsync();
        var cache = NewCache();
        (await cache.PollAsync(LargeRepoRequest(), CancellationToken.None)).Succeeds();
        return cache;
    }

    public string FileUrl(OriginRepo repo) => $"file://{repo.GitDir}";

    public async Task DisposeAsync()
    {
        if (_largeCache.IsValueCreated)
        {
            (await _largeCache.Value).Dispose();
        }

        await Daemon.DisposeAsync();
        await Http.DisposeAsync();
        await Ssh.DisposeAsync();
        Stalling.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class GitServersCollection : ICollectionFixture<GitServers>
{
    public const string Name = "git servers";
}
