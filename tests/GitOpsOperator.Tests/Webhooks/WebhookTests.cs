using System.Globalization;
using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Tests.GitRepositories;
using GitOpsOperator.Webhooks;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Tests.Webhooks;

public sealed class WebhookTests(WebhookEnvironment env) : IClassFixture<WebhookEnvironment>
{
    private static readonly byte[] PushBody = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main","after":"4f1c"}""");

    private static string? RequestedAt(GitRepository repository) => ReconcileTriggers.RequestedAt(repository);

    private async Task<GitRepository> WaitForEchoAsync(string name, string requestedAt) =>
        await env.Operator.WaitForAsync(name, r => r.Status?.LastHandledReconcileAt == requestedAt, $"lastHandledReconcileAt {requestedAt}");

    [Fact]
    public async Task A_GitHub_push_with_a_valid_signature_makes_the_repository_fetch_the_new_commit()
    {
        await env.CreateReadyAsync("github");
        var pushed = await env.Origin.CommitAsync("pushed", ("app.yaml", "kind: Secret\n"));

        var answer = await env.PostAsync("github", PushBody, (WebhookSignature.GitHubHeader, WebhookEnvironment.Sign(PushBody, WebhookEnvironment.Token)), ("X-GitHub-Event", "push"));

        Assert.Equal((202, "accepted\n"), (answer.Status, answer.Text));
        var requestedAt = RequestedAt(await env.Operator.GetAsync("github"));
        Assert.NotNull(requestedAt);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$", requestedAt);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(requestedAt, CultureInfo.InvariantCulture) < TimeSpan.FromHours(1));
        var repository = await WaitForEchoAsync("github", requestedAt);
        Assert.Equal($"main@sha1:{pushed}", repository.Status!.Artifact!.Revision);
    }

    [Fact]
    public async Task A_GitLab_push_with_the_right_token_is_accepted_and_reconciled()
    {
        await env.CreateReadyAsync("gitlab");

        var answer = await env.PostAsync("gitlab", PushBody, (WebhookSignature.GitLabHeader, WebhookEnvironment.Token));

        Assert.Equal(202, answer.Status);
        await WaitForEchoAsync("gitlab", RequestedAt(await env.Operator.GetAsync("gitlab"))!);
    }

    [Fact]
    public async Task A_generic_push_with_a_valid_signature_is_accepted_and_reconciled()
    {
        await env.CreateReadyAsync("generic");

        var answer = await env.PostAsync("generic", PushBody, (WebhookSignature.GenericHeader, WebhookEnvironment.Sign(PushBody, WebhookEnvironment.Token)));

        Assert.Equal(202, answer.Status);
        await WaitForEchoAsync("generic", RequestedAt(await env.Operator.GetAsync("generic"))!);
    }

    [Fact]
    public async Task Each_accepted_push_sets_a_new_requestedAt()
    {
        await env.CreateReadyAsync("twice");
        var gitLab = (WebhookSignature.GitLabHeader, WebhookEnvironment.Token);

        await env.PostAsync("twice", PushBody, gitLab);
        var first = RequestedAt(await env.Operator.GetAsync("twice"));
        await env.PostAsync("twice", PushBody, gitLab);
        var second = RequestedAt(await env.Operator.GetAsync("twice"));

        Assert.NotEqual(first, second);
        await WaitForEchoAsync("twice", second!);
    }

    [Theory]
    [InlineData("github-other-body", WebhookSignature.GitHubHeader, "signed over another body")]
    [InlineData("github-other-token", WebhookSignature.GitHubHeader, "signed with another token")]
    [InlineData("generic-other-token", WebhookSignature.GenericHeader, "signed with another token")]
    [InlineData("gitlab-wrong-token", WebhookSignature.GitLabHeader, "wrong token")]
    [InlineData("github-malformed", WebhookSignature.GitHubHeader, "malformed")]
    [InlineData("no-signature", "", "no signature header")]
    public async Task An_unauthentic_push_is_401_and_changes_nothing(string name, string header, string fault)
    {
        var before = await env.CreateReadyAsync(name);
        var value = fault switch
        {
            "signed over another body" => WebhookEnvironment.Sign(Encoding.UTF8.GetBytes("{}"), WebhookEnvironment.Token),
            "signed with another token" => WebhookEnvironment.Sign(PushBody, "another-token"),
            "wrong token" => "another-token",
            _ => "sha256=not-hex",
        };
        var headers = header.Length == 0 ? [] : new[] { (header, value) };

        var answer = await env.PostAsync(name, PushBody, headers);

        Assert.Equal((401, "unauthorized\n"), (answer.Status, answer.Text));
        var after = await env.Operator.GetAsync(name);
        Assert.Null(RequestedAt(after));
        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Unknown_repository_missing_secret_and_no_webhook_secret_all_answer_401_alike()
    {
        await env.CreateReadyAsync("no-hook-secret", webhookSecret: null);
        await env.CreateReadyAsync("missing-secret", webhookSecret: "no-such-secret");
        var signature = (WebhookSignature.GitHubHeader, WebhookEnvironment.Sign(PushBody, WebhookEnvironment.Token));

        var answers = new[]
        {
            await env.PostAsync("no-such-repository", PushBody, signature),
            await env.SendAsync(HttpMethod.Post, "no-such-namespace", "github", PushBody, [signature]),
            await env.PostAsync("no-hook-secret", PushBody, signature),
            await env.PostAsync("missing-secret", PushBody, signature),
        };

        Assert.All(answers, answer => Assert.Equal((401, "unauthorized\n"), (answer.Status, answer.Text)));
        Assert.Null(RequestedAt(await env.Operator.GetAsync("no-hook-secret")));
        Assert.Null(RequestedAt(await env.Operator.GetAsync("missing-secret")));
    }

    [Fact]
    public async Task An_API_server_failure_is_503_and_a_retry_of_the_push_succeeds()
    {
        await env.CreateReadyAsync("api-down");
        var gitLab = (WebhookSignature.GitLabHeader, WebhookEnvironment.Token);

        HookAnswer failed;
        using (env.Operator.Cluster.Faults.Add(FaultRule.Fail(503, "get", "secrets")))
        {
            failed = await env.PostAsync("api-down", PushBody, gitLab);
        }

        Assert.Equal((503, "unavailable, try again\n"), (failed.Status, failed.Text));
        Assert.Null(RequestedAt(await env.Operator.GetAsync("api-down")));
        Assert.Equal(202, (await env.PostAsync("api-down", PushBody, gitLab)).Status);
    }

    [Fact]
    public async Task A_GitHub_ping_with_a_valid_signature_is_answered_without_a_reconcile()
    {
        var before = await env.CreateReadyAsync("pinged");
        var body = Encoding.UTF8.GetBytes("""{"zen":"Keep it logically awesome."}""");

        var answer = await env.PostAsync("pinged", body, (WebhookSignature.GitHubHeader, WebhookEnvironment.Sign(body, WebhookEnvironment.Token)), ("X-GitHub-Event", "ping"));

        Assert.Equal(200, answer.Status);
        Assert.Equal(before.Metadata.ResourceVersion, (await env.Operator.GetAsync("pinged")).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Only_POST_is_allowed()
    {
        var answer = await env.SendAsync(HttpMethod.Put, OperatorWithGit.Namespace, "github", PushBody);

        Assert.Equal((405, "POST"), (answer.Status, answer.Allow));
    }

    [Fact]
    public async Task A_body_over_one_MiB_is_refused()
    {
        var body = new byte[WebhookEndpoint.MaxBodyBytes + 1];

        var answer = await env.PostAsync("github", body, (WebhookSignature.GitHubHeader, WebhookEnvironment.Sign(body, WebhookEnvironment.Token)));

        Assert.Equal(413, answer.Status);
    }

    [Fact]
    public async Task A_chunked_body_over_one_MiB_is_refused()
    {
        var body = new byte[WebhookEndpoint.MaxBodyBytes + 1];

        var answer = await env.SendAsync(HttpMethod.Post, OperatorWithGit.Namespace, "github", body, chunked: true);

        Assert.Equal(413, answer.Status);
    }
}
