using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Tests.Servers;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class AuthenticationTests(GitServers servers)
{
    [Fact]
    public async Task Wrong_password_fails_even_after_the_url_was_fetched_with_the_right_one()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var url = servers.Http.Url("basic", repo.Name);
        (await cache.PollAsync(Requests.For(url, credentials: Requests.Basic(SmartHttpServer.Username, SmartHttpServer.Password)), CancellationToken.None)).Succeeds();

        var result = await cache.PollAsync(Requests.For(url, credentials: Requests.Basic(SmartHttpServer.Username, "wrong-pa55")), CancellationToken.None);

        Assert.Equal(FailureReason.AuthenticationFailed, result.Failure?.Reason);
        Assert.Contains(url, result.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pa55", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_never_reach_the_logs()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        var logger = new RecordingLogger<GitSourceCache>();
        using var cache = new GitSourceCache(Path.Combine(servers.ServeRoot, "..", "caches", Guid.NewGuid().ToString("N")), logger);

        (await cache.PollAsync(Requests.For(servers.Http.Url("basic", repo.Name), credentials: Requests.Basic(SmartHttpServer.Username, SmartHttpServer.Password)), CancellationToken.None)).Succeeds();
        await cache.PollAsync(Requests.For(servers.Http.Url("basic", repo.Name), credentials: Requests.Basic(SmartHttpServer.Username, "leaked-pa55")), CancellationToken.None);
        await cache.PollAsync(Requests.For(servers.Http.Url("bearer", repo.Name), credentials: Requests.Bearer("leaked-t0ken")), CancellationToken.None);
        await cache.PollAsync(Requests.For("https://user:leaked-pa55@git.example.com/repo.git"), CancellationToken.None);

        Assert.Contains(logger.Lines, line => line.Contains("Fetched", StringComparison.Ordinal));
        Assert.Equal(2, logger.Lines.Count(line => line.Contains("AuthenticationFailed", StringComparison.Ordinal)));
        Assert.DoesNotContain(logger.Lines, line =>
            line.Contains(SmartHttpServer.Password, StringComparison.Ordinal)
            || line.Contains("leaked-pa55", StringComparison.Ordinal)
            || line.Contains("leaked-t0ken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_credentials_for_a_protected_url_are_an_authentication_failure()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Requests.For(servers.Http.Url("basic", repo.Name)), CancellationToken.None);

        Assert.Equal(FailureReason.AuthenticationFailed, result.Failure?.Reason);
    }

    [Fact]
    public async Task Bearer_token_authorizes_both_the_ref_listing_and_the_fetch()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();

        (await cache.PollAsync(Requests.For(servers.Http.Url("bearer", repo.Name), credentials: Requests.Bearer(SmartHttpServer.Token)), CancellationToken.None)).Succeeds();

        var served = servers.Http.RequestsFor(repo.Name);
        Assert.Contains(served, request => request is { Method: "GET", Status: 200 } && request.Path.EndsWith("info/refs", StringComparison.Ordinal));
        Assert.Contains(served, request => request is { Method: "POST", Status: 200 } && request.Path.EndsWith("git-upload-pack", StringComparison.Ordinal));
        Assert.DoesNotContain(served, request => request.Status == 401);
    }

    [Fact]
    public async Task Wrong_bearer_token_is_refused_without_revealing_it()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Requests.For(servers.Http.Url("bearer", repo.Name), credentials: Requests.Bearer("not-the-token")), CancellationToken.None);

        Assert.Equal(FailureReason.AuthenticationFailed, result.Failure?.Reason);
        Assert.DoesNotContain("not-the-token", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ssh_host_key_is_an_authentication_failure()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var credentials = new GitCredentials.Ssh(servers.Ssh.ClientKey, servers.Ssh.WrongKnownHosts);

        var result = await cache.PollAsync(Requests.For(servers.Ssh.Url(repo.GitDir), credentials: credentials), CancellationToken.None);

        Assert.Equal(FailureReason.AuthenticationFailed, result.Failure?.Reason);
        Assert.Contains("known_hosts", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ssh_key_files_are_removed_after_the_poll()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("a.yaml", "a: 1\n"));
        using var cache = servers.NewCache();
        var before = SshTempDirectories();

        (await cache.PollAsync(
            Requests.For(servers.Ssh.Url(repo.GitDir), credentials: new GitCredentials.Ssh(servers.Ssh.ClientKey, servers.Ssh.KnownHosts)),
            CancellationToken.None)).Succeeds();

        Assert.Empty(SshTempDirectories().Except(before));
    }

    [Fact]
    public async Task Ssh_url_without_a_key_is_an_authentication_failure()
    {
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Requests.For(servers.Ssh.Url("/nowhere.git")), CancellationToken.None);

        Assert.Equal(FailureReason.AuthenticationFailed, result.Failure?.Reason);
        Assert.Contains("identity", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    [InlineData("identity")]
    [InlineData("unrelated")]
    public void Secret_lacking_keys_is_an_authentication_failure_naming_the_secret(string onlyKey)
    {
        var data = new Dictionary<string, byte[]> { [onlyKey] = "value"u8.ToArray() };

        var result = GitCredentials.FromSecretData("git-credentials", data);

        Assert.Equal(FailureReason.AuthenticationFailed, result.Failure?.Reason);
        Assert.Contains("Secret git-credentials", result.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("value", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_never_print_their_secrets()
    {
        var credentials = GitCredentials.FromSecretData("s", new Dictionary<string, byte[]>
        {
            ["username"] = "user"u8.ToArray(),
            ["password"] = "hunter2"u8.ToArray(),
        }).Value!;

        Assert.DoesNotContain("hunter2", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", $"{credentials}", StringComparison.Ordinal);
    }

    private static HashSet<string> SshTempDirectories() =>
        [.. Directory.EnumerateDirectories(Path.GetTempPath(), "gitops-ssh-*")];
}
