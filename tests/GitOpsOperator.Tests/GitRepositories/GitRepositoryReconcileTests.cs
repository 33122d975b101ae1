using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.GitRepositories;

public sealed class GitRepositoryReconcileTests
{
    private static Condition? Ready(GitRepository repository) => repository.Status?.Conditions.Find(ConditionTypes.Ready);

    private static bool IsReadyAt(GitRepository repository, string revision) =>
        Ready(repository)?.Status == Condition.True && repository.Status?.Artifact?.Revision == revision;

    [Fact]
    public async Task A_GitRepository_becomes_Ready_with_the_branch_and_full_sha_revision()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var sha = await origin.CommitAsync("Add the podinfo app\n\nWith a longer body.", ("apps/podinfo.yaml", "kind: ConfigMap\n"));

        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Ref = new GitReference { Branch = "main" } });
        var repository = await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{sha}"), "Ready at the first commit");

        var artifact = repository.Status!.Artifact!;
        Assert.Equal("Add the podinfo app", artifact.Commit!.Message);
        Assert.Equal("Test Author <author@example.com>", artifact.Commit.Author);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 1, 0, TimeSpan.Zero), artifact.Commit.Time);
        Assert.NotNull(artifact.FetchedAt);
        Assert.Equal((Reasons.Succeeded, 1L), (Ready(repository)!.Reason, repository.Status.ObservedGeneration!.Value));
        Assert.Contains(sha, Ready(repository)!.Message, StringComparison.Ordinal);
        Assert.Null(repository.Status.Conditions.Find(ConditionTypes.Reconciling));
        Assert.Null(repository.Status.Conditions.Find(ConditionTypes.Stalled));
        var events = await env.EventsAsync("config");
        Assert.Contains(events, e => e.Type == "Normal" && e.Reason == "NewArtifact" && e.Message.Contains(sha, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_commit_advances_the_artifact_and_notifies_subscribers()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var first = await origin.CommitAsync("first", ("a.yaml", "a: 1\n"));
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1s" });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{first}"), "Ready at the first commit on the default branch");

        var second = await origin.CommitAsync("second", ("a.yaml", "a: 2\n"));
        var repository = await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{second}"), "advanced to the second commit");

        Assert.Equal("second", repository.Status!.Artifact!.Commit!.Message);
        await Eventually.TrueAsync(() => { lock (env.Changes) { return env.Changes.Count >= 2; } }, "both artifacts published");
        lock (env.Changes)
        {
            Assert.Equal(
                [new ArtifactChanged(OperatorWithGit.Namespace, "config", $"main@sha1:{first}"), new ArtifactChanged(OperatorWithGit.Namespace, "config", $"main@sha1:{second}")],
                env.Changes);
        }
    }

    [Fact]
    public async Task The_requestedAt_annotation_triggers_a_poll_before_the_interval_and_is_echoed()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var first = await origin.CommitAsync("first");
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1h" });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{first}"), "Ready at the first commit");

        var second = await origin.CommitAsync("second");
        await env.PatchAsync("config", new { metadata = new { annotations = new Dictionary<string, string> { ["gitops.operator.io/requestedAt"] = "now-1" } } });
        var repository = await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{second}"), "advanced on request");

        Assert.Equal("now-1", repository.Status!.LastHandledReconcileAt);
    }

    [Fact]
    public async Task A_missing_branch_is_RefNotFound_and_the_previous_artifact_stays()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var sha = await origin.CommitAsync("first");
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1s" });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{sha}"), "Ready at the first commit");

        await env.PatchAsync("config", new { spec = new { @ref = new { branch = "no-such-branch" } } });
        var repository = await env.WaitForAsync(
            "config", r => r.Status?.ObservedGeneration == 2 && Ready(r)?.Status == Condition.False, "Ready=False for the new generation");

        Assert.Equal(Reasons.RefNotFound, Ready(repository)!.Reason);
        Assert.Contains("no-such-branch", Ready(repository)!.Message, StringComparison.Ordinal);
        Assert.Equal($"main@sha1:{sha}", repository.Status!.Artifact!.Revision);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var warnings = (await env.EventsAsync("config")).Where(e => e.Type == "Warning").ToList();
        Assert.Equal([Reasons.RefNotFound], warnings.Select(e => e.Reason));
    }

    [Fact]
    public async Task A_missing_Secret_is_AuthenticationFailed_naming_it()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        await origin.CommitAsync("first");

        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), SecretRef = new NamedReference { Name = "git-credentials" } });
        var repository = await env.WaitForAsync("config", r => Ready(r)?.Status == Condition.False, "Ready=False");

        Assert.Equal(Reasons.AuthenticationFailed, Ready(repository)!.Reason);
        Assert.Contains($"Secret {OperatorWithGit.Namespace}/git-credentials not found", Ready(repository)!.Message, StringComparison.Ordinal);
        Assert.Null(repository.Status!.Artifact);
        Assert.Null(repository.Status.Conditions.Find(ConditionTypes.Stalled));
    }

    [Fact]
    public async Task A_malformed_url_is_Stalled_with_InvalidSpec()
    {
        await using var env = await OperatorWithGit.StartAsync();

        await env.CreateAsync("config", new GitRepositorySpec { Url = "https://git.example.com:99999/org/config.git" });
        var repository = await env.WaitForAsync("config", r => Ready(r)?.Status == Condition.False, "Ready=False");

        Assert.Equal(Reasons.InvalidSpec, Ready(repository)!.Reason);
        var stalled = repository.Status!.Conditions.Find(ConditionTypes.Stalled);
        Assert.Equal((Condition.True, Reasons.InvalidSpec), (stalled?.Status, stalled?.Reason));
        Assert.Contains("spec.url", Ready(repository)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_stops_polling_and_keeps_Ready()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var first = await origin.CommitAsync("first");
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1s" });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{first}"), "Ready at the first commit");

        await env.PatchAsync("config", new { spec = new { suspend = true } });
        await env.WaitForAsync("config", r => r.Status?.ObservedGeneration == 2, "the suspension acknowledged");
        var polls = env.Cache.Statistics.Polls;
        await origin.CommitAsync("second");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var repository = await env.GetAsync("config");

        Assert.Equal(polls, env.Cache.Statistics.Polls);
        Assert.True(IsReadyAt(repository, $"main@sha1:{first}"));
    }

    [Fact]
    public async Task A_poll_that_changes_nothing_writes_nothing()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var sha = await origin.CommitAsync("first");
        await env.CreateAsync("config", new GitRepositorySpec { Url = OperatorWithGit.FileUrl(origin), Interval = "1s" });
        await env.WaitForAsync("config", r => IsReadyAt(r, $"main@sha1:{sha}"), "Ready at the first commit");
        var writes = StatusWrites(env);
        var polls = env.Cache.Statistics.Polls;

        await Eventually.TrueAsync(() => env.Cache.Statistics.Polls >= polls + 3, "three more polls");

        Assert.Equal(writes, StatusWrites(env));
    }

    private static int StatusWrites(OperatorWithGit env) =>
        env.Cluster.Requests.Count("patch", "gitrepositories/status") + env.Cluster.Requests.Count("update", "gitrepositories/status");
}
