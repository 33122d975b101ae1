using GitOpsOperator.Source.Resolution;
using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class RefResolutionTests(GitServers servers)
{
    [Fact]
    public async Task Annotated_tag_is_peeled_to_its_commit()
    {
        var repo = await servers.NewRepoAsync();
        var sha = await repo.CommitAsync("release", ("a.yaml", "a: 1\n"));
        await repo.TagAsync("v1.4.2", annotated: true);
        await repo.CommitAsync("later", ("a.yaml", "a: 2\n"));
        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Requests.For(servers.Daemon.Url(repo.Name), Requests.Tag("v1.4.2")), CancellationToken.None)).Succeeds();

        Assert.Equal($"v1.4.2@sha1:{sha}", artifact.Revision);
        Assert.Equal(sha, artifact.CommitSha);
    }

    [Fact]
    public async Task Semver_picks_the_highest_tag_in_range_with_or_without_v_prefix()
    {
        var repo = await servers.NewRepoAsync();
        var tagged = new Dictionary<string, string>();
        foreach (var tag in new[] { "v1.3.9", "v1.4.0", "1.5.0", "v1.9.1", "v1.10.0-rc.1", "v2.0.0", "not-a-version" })
        {
            tagged[tag] = await repo.CommitAsync(tag, ("version.txt", tag));
            await repo.TagAsync(tag, annotated: tag == "v1.9.1");
        }

        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo), Requests.Semver(">=1.4.0 <2.0.0")), CancellationToken.None)).Succeeds();

        Assert.Equal($"v1.9.1@sha1:{tagged["v1.9.1"]}", artifact.Revision);
    }

    [Fact]
    public async Task Semver_includes_a_prerelease_only_when_the_range_asks_for_one()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("1.9.1", ("v", "1"));
        await repo.TagAsync("v1.9.1");
        var rc = await repo.CommitAsync("rc", ("v", "2"));
        await repo.TagAsync("v1.10.0-rc.1");
        using var cache = servers.NewCache();

        var plain = (await cache.PollAsync(Requests.For(servers.FileUrl(repo), Requests.Semver("^1.4")), CancellationToken.None)).Succeeds();
        var asking = (await cache.PollAsync(Requests.For(servers.FileUrl(repo), Requests.Semver(">=1.10.0-rc.0 <2.0.0")), CancellationToken.None)).Succeeds();

        Assert.StartsWith("v1.9.1@sha1:", plain.Revision, StringComparison.Ordinal);
        Assert.Equal($"v1.10.0-rc.1@sha1:{rc}", asking.Revision);
    }

    [Fact]
    public async Task Pinned_commit_is_fetched_and_revisioned_by_sha_alone()
    {
        var repo = await servers.NewRepoAsync();
        var pinned = await repo.CommitAsync("pinned", ("a.yaml", "a: 1\n"));
        await repo.CommitAsync("later", ("a.yaml", "a: 2\n"));
        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Requests.For(servers.Http.Url("open", repo.Name), Requests.Commit(pinned)), CancellationToken.None)).Succeeds();

        Assert.Equal($"sha1:{pinned}", artifact.Revision);
        Assert.Equal("pinned", artifact.Message);
    }

    [Fact]
    public async Task Default_branch_is_reported_by_its_resolved_name()
    {
        var repo = await servers.NewRepoAsync(defaultBranch: "trunk");
        var sha = await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Requests.For(servers.Http.Url("open", repo.Name), GitReference.DefaultBranch), CancellationToken.None)).Succeeds();

        Assert.Equal($"trunk@sha1:{sha}", artifact.Revision);
    }

    [Fact]
    public async Task Other_branch_is_followed_by_name()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("main", ("a.yaml", "a: 1\n"));
        await repo.CheckoutNewBranchAsync("staging");
        var sha = await repo.CommitAsync("staging", ("a.yaml", "a: 2\n"));
        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Requests.For(servers.Daemon.Url(repo.Name), Requests.Branch("staging")), CancellationToken.None)).Succeeds();

        Assert.Equal($"staging@sha1:{sha}", artifact.Revision);
    }

    [Theory]
    [InlineData("main", "v1", null, null, "branch and tag")]
    [InlineData(null, null, "not a range", null, "semver")]
    [InlineData(null, null, null, "abc123", "commit")]
    [InlineData("bad..name", null, null, null, "branch")]
    [InlineData("-x", null, null, null, "branch")]
    public void Unusable_ref_spec_is_invalid(string? branch, string? tag, string? semver, string? commit, string named)
    {
        var result = GitReference.FromSpec(branch, tag, semver, commit);

        Assert.Equal(FailureReason.InvalidSpec, result.Failure?.Reason);
        Assert.Contains(named, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_ref_spec_means_the_default_branch()
    {
        Assert.Equal(GitReference.DefaultBranch, GitReference.FromSpec(null, " ", null, null).Value);
    }
}
