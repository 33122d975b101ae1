using GitOpsOperator.Source.Push;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Tests.Servers;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class PushTests(GitServers servers)
{
    private static readonly PushRetry QuickRetry = new(5, TimeSpan.FromMilliseconds(50));

    [Theory]
    [InlineData("git")]
    [InlineData("http-basic")]
    [InlineData("ssh")]
    public async Task Edit_is_committed_on_the_tip_and_pushed_with_the_repository_credentials(string transport)
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("apps/app.yaml", "image: app:1.0.0 # {\"$imagepolicy\": \"ns:app\"}\n"));
        var (url, credentials) = Remote(repo, transport);
        using var pusher = servers.NewPusher();

        var pushed = (await pusher.PushAsync(
            Releases.Request(url, Releases.Write("apps/app.yaml", "image: app:1.1.0 # {\"$imagepolicy\": \"ns:app\"}\n"), credentials),
            CancellationToken.None)).Succeeds();

        Assert.Equal(pushed.Commit, await repo.TipAsync());
        Assert.Equal(first, await repo.ParentAsync(pushed.Commit!));
        Assert.Equal("image: app:1.1.0 # {\"$imagepolicy\": \"ns:app\"}", await repo.ReadAsync("main", "apps/app.yaml"));
        Assert.Equal(
            ["Release app:1.0.0 -> 1.1.0 | gitops-operator <gitops-operator@localhost>", "first | Test Author <author@example.com>"],
            await repo.HistoryAsync());
    }

    [Fact]
    public async Task Edit_that_changes_nothing_makes_no_commit()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        using var pusher = servers.NewPusher();
        var url = servers.Daemon.Url(repo.Name);

        (await pusher.PushAsync(Releases.Request(url, (_, _) => Task.FromResult(EditOutcome.NoChange)), CancellationToken.None))
            .Succeeds(PushOutcome.NoChange);
        (await pusher.PushAsync(Releases.Request(url, Releases.Write("app.yaml", "image: app:1.0.0\n")), CancellationToken.None))
            .Succeeds(PushOutcome.NoChange);

        Assert.Equal(first, await repo.TipAsync());
    }

    [Fact]
    public async Task Separate_push_branch_is_created_then_rebuilt_from_the_checkout_tip()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        using var pusher = servers.NewPusher();
        var request = Releases.Request(servers.Daemon.Url(repo.Name), Releases.Write("app.yaml", "image: app:1.1.0\n"), pushBranch: "release/app");

        var created = (await pusher.PushAsync(request, CancellationToken.None)).Succeeds();
        var second = await repo.CommitAsync("person's change", ("README.md", "hello\n"));
        var rebuilt = (await pusher.PushAsync(request, CancellationToken.None)).Succeeds();
        var again = (await pusher.PushAsync(request, CancellationToken.None)).Succeeds(PushOutcome.NoChange);

        Assert.Equal(first, await repo.ParentAsync(created.Commit!));
        Assert.Equal(second, await repo.TipAsync("main"));
        Assert.Equal(second, await repo.ParentAsync(rebuilt.Commit!));
        Assert.Equal(rebuilt.Commit, await repo.TipAsync("release/app"));
        Assert.Equal(rebuilt.Commit, again.Commit);
        Assert.Equal(
            ["Release app:1.0.0 -> 1.1.0 | gitops-operator <gitops-operator@localhost>", "person's change | Test Author <author@example.com>", "first | Test Author <author@example.com>"],
            await repo.HistoryAsync("release/app"));
    }

    [Fact]
    public async Task Push_branch_moved_by_another_writer_fails_the_lease_and_is_rebuilt_on_what_was_fetched_again()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        using var pusher = servers.NewPusher(QuickRetry);
        var edits = 0;
        var release = Releases.Write("app.yaml", "image: app:1.1.0\n");

        var pushed = (await pusher.PushAsync(
            Releases.Request(servers.Daemon.Url(repo.Name), async (workTree, cancellationToken) =>
            {
                if (++edits == 1)
                {
                    await Cli.GitAsync("--git-dir", repo.GitDir, "update-ref", "refs/heads/release/app", first);
                }

                return await release(workTree, cancellationToken);
            }, pushBranch: "release/app"),
            CancellationToken.None)).Succeeds();

        Assert.Equal(2, edits);
        Assert.Equal(pushed.Commit, await repo.TipAsync("release/app"));
        Assert.Equal(first, await repo.ParentAsync(pushed.Commit!));
    }

    [Fact]
    public async Task Push_that_lost_a_race_is_made_again_on_the_new_tip_and_both_commits_land()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"), ("README.md", "hello\n"));
        using var pusher = servers.NewPusher(QuickRetry);
        var edits = 0;
        string? person = null;
        var release = Releases.Write("app.yaml", "image: app:1.1.0\n");

        var pushed = (await pusher.PushAsync(
            Releases.Request(servers.Daemon.Url(repo.Name), async (workTree, cancellationToken) =>
            {
                if (++edits == 1)
                {
                    person = await repo.CommitAsync("person's change", ("README.md", "hello, world\n"));
                }

                return await release(workTree, cancellationToken);
            }),
            CancellationToken.None)).Succeeds();

        Assert.Equal(2, edits);
        Assert.Equal(pushed.Commit, await repo.TipAsync());
        Assert.Equal(person, await repo.ParentAsync(pushed.Commit!));
        Assert.Equal("hello, world", await repo.ReadAsync("main", "README.md"));
        Assert.Equal("image: app:1.1.0", await repo.ReadAsync("main", "app.yaml"));
    }

    [Fact]
    public async Task Push_losing_every_race_is_a_push_conflict_that_keeps_every_person_commit()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        using var pusher = servers.NewPusher(new PushRetry(3, TimeSpan.FromMilliseconds(10)));
        var edits = 0;
        var release = Releases.Write("app.yaml", "image: app:1.1.0\n");

        var result = await pusher.PushAsync(
            Releases.Request(servers.Daemon.Url(repo.Name), async (workTree, cancellationToken) =>
            {
                await repo.CommitAsync($"person's change {++edits}", ("README.md", $"edit {edits}\n"));
                return await release(workTree, cancellationToken);
            }),
            CancellationToken.None);

        Assert.Equal(PushFailureReason.PushConflict, result.Reason);
        Assert.Contains("each of 3 attempts", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, edits);
        Assert.Equal(
            ["person's change 3", "person's change 2", "person's change 1", "first"],
            (await repo.HistoryAsync()).Select(line => line.Split(" | ")[0]));
    }

    [Fact]
    public async Task Push_refused_by_a_hook_is_a_git_operation_failure_quoting_the_server()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        await repo.RefusePushesAsync("releases are frozen until Monday");
        using var pusher = servers.NewPusher(QuickRetry);

        var result = await pusher.PushAsync(
            Releases.Request(servers.Http.Url("basic", repo.Name), Releases.Write("app.yaml", "image: app:1.1.0\n"), Requests.Basic(SmartHttpServer.Username, SmartHttpServer.Password)),
            CancellationToken.None);

        Assert.Equal(PushFailureReason.GitOperationFailed, result.Reason);
        Assert.Contains("pre-receive hook declined", result.Message, StringComparison.Ordinal);
        Assert.Contains("releases are frozen until Monday", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SmartHttpServer.Password, result.Message, StringComparison.Ordinal);
        Assert.Equal(first, await repo.TipAsync());
    }

    [Fact]
    public async Task Push_branch_protected_by_the_server_is_a_git_operation_failure_quoting_the_server_and_not_retried()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        using var pusher = servers.NewPusher(QuickRetry);
        var edits = 0;
        var release = Releases.Write("app.yaml", "image: app:1.1.0\n");
        var request = Releases.Request(
            servers.Daemon.Url(repo.Name), (workTree, cancellationToken) => { edits++; return release(workTree, cancellationToken); }, pushBranch: "release/app");
        var created = (await pusher.PushAsync(request, CancellationToken.None)).Succeeds();
        await Cli.GitAsync("--git-dir", repo.GitDir, "config", "receive.denyNonFastForwards", "true");
        var person = await repo.CommitAsync("person's change", ("README.md", "hello\n"));

        var result = await pusher.PushAsync(request, CancellationToken.None);

        Assert.Equal(PushFailureReason.GitOperationFailed, result.Reason);
        Assert.Contains("[remote rejected] (non-fast-forward)", result.Message, StringComparison.Ordinal);
        Assert.Contains("denying non-fast-forward refs/heads/release/app", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, edits);
        Assert.Equal(created.Commit, await repo.TipAsync("release/app"));
        Assert.Equal(person, await repo.TipAsync("main"));
    }

    [Fact]
    public async Task Refused_credentials_are_an_authentication_failure_that_never_shows_them()
    {
        var repo = await servers.NewRepoAsync();
        var first = await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        var logger = new RecordingLogger<GitPusher>();
        using var pusher = servers.NewPusher(logger: logger);
        var edit = Releases.Write("app.yaml", "image: app:1.1.0\n");

        var basic = await pusher.PushAsync(
            Releases.Request(servers.Http.Url("basic", repo.Name), edit, Requests.Basic(SmartHttpServer.Username, "leaked-pa55")), CancellationToken.None);
        var bearer = await pusher.PushAsync(
            Releases.Request(servers.Http.Url("bearer", repo.Name), edit, Requests.Bearer("leaked-t0ken")), CancellationToken.None);
        var ssh = await pusher.PushAsync(
            Releases.Request(servers.Ssh.Url(repo.GitDir), edit, new GitCredentials.Ssh(servers.Ssh.ClientKey, servers.Ssh.WrongKnownHosts)), CancellationToken.None);

        Assert.All([basic, bearer, ssh], result => Assert.Equal(PushFailureReason.AuthenticationFailed, result.Reason));
        Assert.Contains("known_hosts", ssh.Message, StringComparison.Ordinal);
        string[] secrets = ["leaked-pa55", "leaked-t0ken", Convert.ToBase64String("git-user:leaked-pa55"u8)];
        Assert.DoesNotContain(
            [basic.Message!, bearer.Message!, ssh.Message!, .. logger.Lines],
            text => secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)));
        Assert.Equal(3, logger.Lines.Count(line => line.Contains("AuthenticationFailed", StringComparison.Ordinal)));
        Assert.Equal(first, await repo.TipAsync());
    }

    [Fact]
    public async Task Broken_work_tree_fails_one_run_and_is_cloned_again_by_the_next()
    {
        var repo = await servers.NewRepoAsync();
        await repo.CommitAsync("first", ("app.yaml", "image: app:1.0.0\n"));
        var root = Directory.CreateTempSubdirectory("gitops-pusher-");
        using var pusher = new GitPusher(root.FullName, Microsoft.Extensions.Logging.Abstractions.NullLogger<GitPusher>.Instance);
        var url = servers.Daemon.Url(repo.Name);
        (await pusher.PushAsync(Releases.Request(url, Releases.Write("app.yaml", "image: app:1.1.0\n")), CancellationToken.None)).Succeeds();
        await File.WriteAllTextAsync(Path.Combine(root.GetDirectories().Single().FullName, ".git", "index"), "not an index");

        var broken = await pusher.PushAsync(Releases.Request(url, Releases.Write("app.yaml", "image: app:1.2.0\n")), CancellationToken.None);
        var healed = (await pusher.PushAsync(Releases.Request(url, Releases.Write("app.yaml", "image: app:1.2.0\n")), CancellationToken.None)).Succeeds();

        Assert.Equal(PushFailureReason.GitOperationFailed, broken.Reason);
        Assert.Contains("index", broken.Message, StringComparison.Ordinal);
        Assert.Equal(healed.Commit, await repo.TipAsync());
        Assert.Equal("image: app:1.2.0", await repo.ReadAsync("main", "app.yaml"));
        root.Delete(recursive: true);
    }

    private (string Url, GitCredentials Credentials) Remote(OriginRepo repo, string transport) => transport switch
    {
        "git" => (servers.Daemon.Url(repo.Name), GitCredentials.None),
        "http-basic" => (servers.Http.Url("basic", repo.Name), Requests.Basic(SmartHttpServer.Username, SmartHttpServer.Password)),
        _ => (servers.Ssh.Url(repo.GitDir), new GitCredentials.Ssh(servers.Ssh.ClientKey, servers.Ssh.KnownHosts)),
    };
}
