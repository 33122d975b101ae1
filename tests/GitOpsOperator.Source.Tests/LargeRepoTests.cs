using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class LargeRepoTests(GitServers servers)
{
    [Fact]
    public async Task Clone_of_a_large_repo_yields_its_head_and_all_its_files()
    {
        var large = await servers.LargeRepoAsync();
        var cache = await servers.LargeRepoCacheAsync();

        var artifact = (await cache.PollAsync(servers.LargeRepoRequest(), CancellationToken.None)).Succeeds();

        Assert.Equal(await Cli.GitAsync("--git-dir", large.GitDir, "rev-parse", "main"), artifact.CommitSha);
        using var tree = (await cache.ExportAsync(artifact, "", CancellationToken.None)).Value!;
        Assert.Equal(large.Files, tree.Files.Count);
    }

    [Fact]
    public async Task No_change_poll_of_a_large_repo_costs_one_round_trip_and_no_object_transfer()
    {
        var large = await servers.LargeRepoAsync();
        var cache = await servers.LargeRepoCacheAsync();
        (await cache.PollAsync(servers.LargeRepoRequest(), CancellationToken.None)).Succeeds();
        var servedBefore = servers.Http.RequestsFor(large.Name).Count;

        var poll = await cache.PollAsync(servers.LargeRepoRequest(), CancellationToken.None);

        poll.Succeeds();
        Assert.False(poll.Fetched);
        Assert.Equal(0, poll.BytesReceived);
        var only = Assert.Single(servers.Http.RequestsFor(large.Name).Skip(servedBefore));
        Assert.Equal("GET", only.Method);
    }

    [Fact]
    public async Task One_file_change_in_a_large_repo_fetches_only_that_delta()
    {
        var large = await servers.LargeRepoAsync();
        var cache = await servers.LargeRepoCacheAsync();
        (await cache.PollAsync(servers.LargeRepoRequest(), CancellationToken.None)).Succeeds();
        var head = await large.ChangeOneFileAsync();
        var servedBefore = servers.Http.RequestsFor(large.Name).Count;

        var poll = await cache.PollAsync(servers.LargeRepoRequest(), CancellationToken.None);

        Assert.Equal(head, poll.Succeeds().CommitSha);
        Assert.True(poll.Fetched);
        // The delta is a commit, a blob and three trees (one of 100 entries): kilobytes, where the clone is megabytes.
        Assert.InRange(poll.BytesReceived, 1, 16_384);
        var posts = servers.Http.RequestsFor(large.Name).Skip(servedBefore).Where(request => request.Method == "POST").ToList();
        Assert.NotEmpty(posts);
        Assert.InRange(posts.Sum(request => request.BytesSent), 1, 32_768);
    }
}
