using System.Text;
using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class ExportTests(GitServers servers)
{
    [Fact]
    public async Task Export_lists_the_files_under_the_path_with_its_tree_hash()
    {
        var repo = await servers.NewRepoAsync();
        var sha = await repo.CommitAsync(
            "apps",
            ("apps/web/deploy.yaml", "kind: Deployment\n"),
            ("apps/web/config/cm.yaml", "kind: ConfigMap\n"),
            ("apps/db/sts.yaml", "kind: StatefulSet\n"));
        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo)), CancellationToken.None)).Succeeds();

        using var tree = (await cache.ExportAsync(artifact, "./apps/web/", CancellationToken.None)).Value!;

        Assert.Equal("apps/web", tree.Path);
        Assert.Equal(["apps/web/config/cm.yaml", "apps/web/deploy.yaml"], tree.Files);
        Assert.Equal(await Cli.GitAsync("--git-dir", repo.GitDir, "rev-parse", $"{sha}:apps/web"), tree.TreeHash);
    }

    [Fact]
    public async Task Commit_elsewhere_in_the_repo_keeps_the_path_tree_hash()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("apps", ("apps/web/deploy.yaml", "kind: Deployment\n"), ("apps/db/sts.yaml", "replicas: 1\n"));
        using var cache = servers.NewCache();
        var request = Requests.For(servers.FileUrl(repo));
        var before = (await cache.PollAsync(request, CancellationToken.None)).Succeeds();
        await repo.CommitAsync("db only", ("apps/db/sts.yaml", "replicas: 2\n"));
        var after = (await cache.PollAsync(request, CancellationToken.None)).Succeeds();

        using var web1 = (await cache.ExportAsync(before, "apps/web", CancellationToken.None)).Value!;
        using var web2 = (await cache.ExportAsync(after, "apps/web", CancellationToken.None)).Value!;
        using var db2 = (await cache.ExportAsync(after, "apps/db", CancellationToken.None)).Value!;

        Assert.Equal(web1.TreeHash, web2.TreeHash);
        Assert.NotEqual(web1.TreeHash, db2.TreeHash);
    }

    [Fact]
    public async Task Overlay_can_read_its_base_beside_it()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync(
            "kustomize",
            ("apps/base/deploy.yaml", "kind: Deployment\n"),
            ("apps/prod/kustomization.yaml", "resources: [../base]\n"));
        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo)), CancellationToken.None)).Succeeds();
        using var tree = (await cache.ExportAsync(artifact, "apps/prod", CancellationToken.None)).Value!;

        var content = tree.ReadFile("apps/prod/../base/deploy.yaml");

        Assert.Equal("kind: Deployment\n", Encoding.UTF8.GetString(content.Value!));
        Assert.Equal(["apps/base/deploy.yaml"], tree.ListFiles("apps/base").Value);
        Assert.True(tree.TreeHashOf("apps/base").Succeeded);
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("apps/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task Reading_outside_the_repo_root_is_refused(string path)
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("one", ("apps/a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo)), CancellationToken.None)).Succeeds();
        using var tree = (await cache.ExportAsync(artifact, "apps", CancellationToken.None)).Value!;

        var result = tree.ReadFile(path);

        Assert.Equal(FailureReason.BuildFailed, result.Failure?.Reason);
        Assert.Contains("leaves the repository root", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_leaving_the_repo_root_is_refused_naming_the_entry()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("one", ("apps/web/a.yaml", "a: 1\n"), ("apps/other/b.yaml", "b: 1\n"));
        await repo.SymlinkAsync("escape", "apps/web/secrets.yaml", "../../../../etc/passwd");
        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo)), CancellationToken.None)).Succeeds();

        var export = await cache.ExportAsync(artifact, "apps/web", CancellationToken.None);
        using var other = (await cache.ExportAsync(artifact, "apps/other", CancellationToken.None)).Value!;
        var read = other.ReadFile("apps/web/secrets.yaml");

        Assert.Equal(FailureReason.BuildFailed, export.Failure?.Reason);
        Assert.Contains("symlink \"apps/web/secrets.yaml\"", export.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("leaves the repository root", export.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(export.Failure, read.Failure);
    }

    [Fact]
    public async Task Symlinks_inside_the_repo_are_followed()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("shared", ("shared/common.yaml", "kind: ConfigMap\n"));
        await repo.SymlinkAsync("link file", "apps/web/common.yaml", "../../shared/common.yaml");
        await repo.SymlinkAsync("link dir", "apps/web/shared", "../../shared");
        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo)), CancellationToken.None)).Succeeds();

        using var tree = (await cache.ExportAsync(artifact, "apps/web", CancellationToken.None)).Value!;

        Assert.Equal(["apps/web/common.yaml", "apps/web/shared/common.yaml"], tree.Files);
        Assert.Equal("kind: ConfigMap\n", Encoding.UTF8.GetString(tree.ReadFile("apps/web/shared/common.yaml").Value!));
    }

    [Fact]
    public async Task Missing_path_is_named()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("one", ("apps/a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var artifact = (await cache.PollAsync(Requests.For(servers.FileUrl(repo)), CancellationToken.None)).Succeeds();

        var export = await cache.ExportAsync(artifact, "apps/missing", CancellationToken.None);

        Assert.Equal(FailureReason.BuildFailed, export.Failure?.Reason);
        Assert.Contains("\"apps/missing\" does not exist", export.Failure!.Message, StringComparison.Ordinal);
    }
}
