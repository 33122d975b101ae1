using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Tests.Servers;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class TransportTests(GitServers servers)
{
    public static TheoryData<string> Transports => ["file", "git", "http", "basic", "bearer", "ssh"];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Poll_fetches_the_branch_head_over_each_transport(string transport)
    {
        var repo = await servers.NewRepoAsync();
        var sha = await repo.CommitAsync("add app", ("apps/web/deploy.yaml", "kind: Deployment\n"));
        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Request(transport, repo), CancellationToken.None)).Succeeds();

        Assert.Equal($"main@sha1:{sha}", artifact.Revision);
        Assert.Equal("add app", artifact.Message);
        Assert.Equal("Test Author <author@example.com>", artifact.Author);
        using var tree = (await cache.ExportAsync(artifact, "apps/web", CancellationToken.None)).Value!;
        Assert.Equal("kind: Deployment\n", System.Text.Encoding.UTF8.GetString(tree.ReadFile("apps/web/deploy.yaml").Value!));
    }

    private SourceRequest Request(string transport, OriginRepo repo) => transport switch
    {
        "file" => Requests.For(servers.FileUrl(repo)),
        "git" => Requests.For(servers.Daemon.Url(repo.Name)),
        "http" => Requests.For(servers.Http.Url("open", repo.Name)),
        "basic" => Requests.For(servers.Http.Url("basic", repo.Name), credentials: Requests.Basic(SmartHttpServer.Username, SmartHttpServer.Password)),
        "bearer" => Requests.For(servers.Http.Url("bearer", repo.Name), credentials: Requests.Bearer(SmartHttpServer.Token)),
        _ => Requests.For(servers.Ssh.Url(repo.GitDir), credentials: new GitCredentials.Ssh(servers.Ssh.ClientKey, servers.Ssh.KnownHosts)),
    };
}
