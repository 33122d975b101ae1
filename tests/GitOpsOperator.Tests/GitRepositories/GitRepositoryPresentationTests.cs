using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Source.Tests.Servers;
using GitOpsOperator.Tests.Support;
using k8s;

namespace GitOpsOperator.Tests.GitRepositories;

/// <summary>What a person sees: kubectl's table, and credentials over smart HTTP without a secret ever showing.</summary>
public sealed class GitRepositoryPresentationTests
{
    private static Condition? Ready(GitRepository repository) => repository.Status?.Conditions.Find(ConditionTypes.Ready);

    [Fact]
    public async Task Kubectl_get_gitrepositories_prints_url_revision_ready_and_status()
    {
        await using var env = await OperatorWithGit.StartAsync();
        var origin = await env.CreateOriginAsync("config");
        var sha = await origin.CommitAsync("first");
        var url = OperatorWithGit.FileUrl(origin);
        await env.CreateAsync("config", new GitRepositorySpec { Url = url });
        await env.WaitForAsync("config", r => Ready(r)?.Status == Condition.True, "Ready");

        var output = await Kubectl.SucceedAsync(env.Cluster.KubeconfigPath, null, "get", "gitrepositories", "-n", OperatorWithGit.Namespace);
        var table = KubectlTable.Parse(output);

        Assert.Equal(["NAME", "URL", "REVISION", "READY", "STATUS", "AGE"], table.Columns);
        var row = table.Row("config");
        Assert.Equal((url, $"main@sha1:{sha}", "True"), (row["URL"], row["REVISION"], row["READY"]));
        Assert.Equal($"stored artifact for revision 'main@sha1:{sha}'", row["STATUS"]);
        Assert.Matches("^[0-9]+s$", row["AGE"]);
    }

    [Fact]
    public async Task Basic_auth_from_a_Secret_fetches_over_http_and_a_wrong_password_is_AuthenticationFailed_without_showing_it()
    {
        await using var env = await OperatorWithGit.StartAsync();
        await using var server = await SmartHttpServer.StartAsync(env.ServeRoot);
        var origin = await env.CreateOriginAsync("config");
        var sha = await origin.CommitAsync("first");
        const string wrongPassword = "wr0ng-pa55word-value";
        await env.CreateSecretAsync("git-credentials", new Dictionary<string, string> { ["username"] = SmartHttpServer.Username, ["password"] = SmartHttpServer.Password });
        await env.CreateSecretAsync("wrong-credentials", new Dictionary<string, string> { ["username"] = SmartHttpServer.Username, ["password"] = wrongPassword });

        await env.CreateAsync("good", new GitRepositorySpec { Url = server.Url("basic", "config"), SecretRef = new NamedReference { Name = "git-credentials" } });
        await env.CreateAsync("bad", new GitRepositorySpec { Url = server.Url("basic", "config"), SecretRef = new NamedReference { Name = "wrong-credentials" } });
        var good = await env.WaitForAsync("good", r => Ready(r)?.Status == Condition.True, "Ready with the right password");
        var bad = await env.WaitForAsync("bad", r => Ready(r)?.Status == Condition.False, "Ready=False with the wrong password");

        Assert.Equal($"main@sha1:{sha}", good.Status!.Artifact!.Revision);
        Assert.Equal(Reasons.AuthenticationFailed, Ready(bad)!.Reason);
        var shown = KubernetesJson.Serialize(bad) + string.Join('\n', (await env.EventsAsync("bad")).Select(e => e.Message));
        Assert.DoesNotContain(wrongPassword, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(SmartHttpServer.Password, KubernetesJson.Serialize(good), StringComparison.Ordinal);
    }
}
