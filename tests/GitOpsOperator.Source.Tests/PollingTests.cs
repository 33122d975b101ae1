using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class PollingTests(GitServers servers)
{
    [Fact]
    public async Task Unchanged_remote_is_answered_by_one_ref_listing_without_fetch()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var request = Requests.For(servers.Http.Url("open", repo.Name));
        var first = await cache.PollAsync(request, CancellationToken.None);
        var servedBefore = servers.Http.RequestsFor(repo.Name).Count;

        var second = await cache.PollAsync(request, CancellationToken.None);

        Assert.True(first.Fetched);
        Assert.False(second.Fetched);
        Assert.Equal(first.Artifact!.Revision, second.Succeeds().Revision);
        var served = servers.Http.RequestsFor(repo.Name).Skip(servedBefore).ToList();
        var only = Assert.Single(served);
        Assert.Equal("GET", only.Method);
        Assert.EndsWith("info/refs", only.Path, StringComparison.Ordinal);
        Assert.Equal(new SourceCacheStatistics(Polls: 2, PollsWithoutFetch: 1, Fetches: 1, BytesReceived: first.BytesReceived), cache.Statistics);
    }

    [Fact]
    public async Task New_commit_is_fetched_on_the_next_poll()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var request = Requests.For(servers.Daemon.Url(repo.Name));
        (await cache.PollAsync(request, CancellationToken.None)).Succeeds();
        var second = await repo.CommitAsync("second", ("a.yaml", "a: 2\n"));

        var result = await cache.PollAsync(request, CancellationToken.None);

        Assert.True(result.Fetched);
        Assert.Equal($"main@sha1:{second}", result.Succeeds().Revision);
        Assert.Equal("second", result.Artifact!.Message);
    }

    [Fact]
    public async Task Force_push_that_rewrites_the_branch_is_taken()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        await repo.CommitAsync("mistake", ("a.yaml", "a: oops\n"));
        using var cache = servers.NewCache();
        var request = Requests.For(servers.Http.Url("open", repo.Name));
        (await cache.PollAsync(request, CancellationToken.None)).Succeeds();
        await repo.ResetHardAsync(first);
        var rewritten = await repo.CommitAsync("rewritten", ("a.yaml", "a: 3\n"));

        var artifact = (await cache.PollAsync(request, CancellationToken.None)).Succeeds();

        Assert.Equal($"main@sha1:{rewritten}", artifact.Revision);
        using var tree = (await cache.ExportAsync(artifact, "./", CancellationToken.None)).Value!;
        Assert.Equal("a: 3\n", System.Text.Encoding.UTF8.GetString(tree.ReadFile("a.yaml").Value!));
    }

    [Fact]
    public async Task Spellings_of_one_url_share_one_cache()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var url = servers.Daemon.Url(repo.Name);

        var first = await cache.PollAsync(Requests.For(url), CancellationToken.None);
        var respelled = await cache.PollAsync(Requests.For(url.Replace("127.0.0.1", "127.0.0.1", StringComparison.Ordinal)[..^4] + "/"), CancellationToken.None);

        Assert.True(first.Fetched);
        Assert.False(respelled.Fetched);
        Assert.Equal(first.Artifact!.CommitSha, respelled.Succeeds().CommitSha);
    }

    [Fact]
    public async Task Concurrent_polls_of_shared_and_separate_repositories_all_succeed()
    {
        var repos = new List<(OriginRepo Repo, string Sha)>();
        for (var i = 0; i < 4; i++)
        {
            var repo = await servers.NewRepoAsync();
            repos.Add((repo, await repo.CommitAsync($"repo {i}", ("a.yaml", $"a: {i}\n"))));
        }

        using var cache = servers.NewCache();
        var polls = repos
            .SelectMany(entry => Enumerable.Range(0, 3).Select(_ => entry))
            .Select(async entry => (entry.Sha, Result: await cache.PollAsync(Requests.For(servers.Http.Url("open", entry.Repo.Name)), CancellationToken.None)))
            .ToList();

        foreach (var (sha, result) in await Task.WhenAll(polls))
        {
            Assert.Equal(sha, result.Succeeds().CommitSha);
        }

        Assert.Equal(4, cache.Statistics.Fetches);
    }
}
