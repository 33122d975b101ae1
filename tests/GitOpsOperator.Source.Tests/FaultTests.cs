using System.Diagnostics;
using GitOpsOperator.Source.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class FaultTests(GitServers servers)
{
    [Fact]
    public async Task Stalled_server_fails_within_the_timeout_while_other_polls_are_served()
    {
        var repo = await servers.NewRepoAsync();
        var sha = await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var timeout = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();

        var stalled = cache.PollAsync(Requests.For($"http://127.0.0.1:{servers.Stalling.Port}/repo.git", timeout: timeout), CancellationToken.None);
        var served = await cache.PollAsync(Requests.For(servers.Http.Url("open", repo.Name)), CancellationToken.None);
        var failed = await stalled;

        Assert.Equal(sha, served.Succeeds().CommitSha);
        Assert.Equal(FailureReason.ArtifactFailed, failed.Failure?.Reason);
        Assert.Contains("timed out after 3s", failed.Failure!.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(20), $"the stalled poll took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("git")]
    [InlineData("ssh")]
    public async Task Stalled_server_fails_with_artifact_failed_over_other_transports(string scheme)
    {
        using var cache = servers.NewCache();
        var credentials = scheme == "ssh" ? new GitCredentials.Ssh(servers.Ssh.ClientKey, servers.Ssh.KnownHosts) : GitCredentials.None;

        var result = await cache.PollAsync(
            Requests.For($"{scheme}://127.0.0.1:{servers.Stalling.Port}/repo.git", credentials: credentials, timeout: TimeSpan.FromSeconds(2)),
            CancellationToken.None);

        Assert.Equal(FailureReason.ArtifactFailed, result.Failure?.Reason);
        Assert.Contains("timed out", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_connection_is_an_artifact_failure()
    {
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Requests.For($"http://127.0.0.1:{Cli.FreePort()}/repo.git"), CancellationToken.None);

        Assert.Equal(FailureReason.ArtifactFailed, result.Failure?.Reason);
        Assert.Contains("Failed to connect to 127.0.0.1", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_host_is_an_artifact_failure()
    {
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(
            Requests.For("https://git.unreachable.invalid/org/repo.git", timeout: TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.Equal(FailureReason.ArtifactFailed, result.Failure?.Reason);
        Assert.Contains("git.unreachable.invalid", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_repository_is_an_artifact_failure_pointing_at_the_url()
    {
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Requests.For(servers.Http.Url("open", "no-such-repo")), CancellationToken.None);

        Assert.Equal(FailureReason.ArtifactFailed, result.Failure?.Reason);
        Assert.Contains("spec.url", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("branch", "release-9", "branch \"release-9\" not found")]
    [InlineData("tag", "v9.9.9", "tag \"v9.9.9\" not found")]
    [InlineData("semver", ">=5.0.0", "no tag")]
    [InlineData("commit", "0123456789abcdef0123456789abcdef01234567", "not reachable")]
    public async Task Missing_ref_is_ref_not_found_and_the_previous_artifact_stays_readable(string kind, string value, string expected)
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("app/a.yaml", "a: 1\n"));
        await repo.TagAsync("v1.0.0");
        using var cache = servers.NewCache();
        var url = servers.Http.Url("open", repo.Name);
        var previous = (await cache.PollAsync(Requests.For(url), CancellationToken.None)).Succeeds();
        var reference = Resolution.GitReference.FromSpec(
            kind == "branch" ? value : null, kind == "tag" ? value : null, kind == "semver" ? value : null, kind == "commit" ? value : null).Value!;

        var result = await cache.PollAsync(Requests.For(url, reference), CancellationToken.None);

        Assert.Equal(FailureReason.RefNotFound, result.Failure?.Reason);
        Assert.Contains(expected, result.Failure!.Message, StringComparison.Ordinal);
        using var tree = (await cache.ExportAsync(previous, "app", CancellationToken.None)).Value!;
        Assert.Equal(["app/a.yaml"], tree.Files);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/repo.git")]
    [InlineData("https://user:pa55@example.com/repo.git")]
    [InlineData("-uexploit")]
    [InlineData("ext::sh -c touch% /tmp/pwned")]
    [InlineData("https:///no-host")]
    public async Task Malformed_url_is_an_invalid_spec(string url)
    {
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Requests.For(url), CancellationToken.None);

        Assert.Equal(FailureReason.InvalidSpec, result.Failure?.Reason);
        Assert.Contains("spec.url", result.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_dying_mid_fetch_leaves_a_sound_cache_and_the_next_poll_recovers()
    {
        var repo = await servers.NewRepoAsync();
        var content = string.Join('\n', Enumerable.Range(0, 4000).Select(i => Guid.NewGuid().ToString()));
        var sha = await repo.CommitAsync("big", ("big.txt", content));
        var cacheRoot = Path.Combine(servers.ServeRoot, "..", "caches", Guid.NewGuid().ToString("N"));
        using var cache = new GitSourceCache(cacheRoot, NullLogger<GitSourceCache>.Instance);
        var request = Requests.For(servers.Http.Url("open", repo.Name));
        servers.Http.Dying[repo.Name] = true;

        var failed = await cache.PollAsync(request, CancellationToken.None);
        servers.Http.Dying.TryRemove(repo.Name, out _);
        var recovered = await cache.PollAsync(request, CancellationToken.None);

        Assert.Equal(FailureReason.ArtifactFailed, failed.Failure?.Reason);
        Assert.Equal(sha, recovered.Succeeds().CommitSha);
        var cacheDirectory = Assert.Single(Directory.GetDirectories(cacheRoot));
        await Cli.GitAsync("-C", cacheDirectory, "fsck", "--strict", "--no-dangling");
    }
}
