using System.Text.Json.Nodes;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Crds;

/// <summary>The CRDs' schemas as a user meets them: kubectl apply --server-side against a cluster that has them.</summary>
public sealed class CrdSchemaTests(CrdClusterFixture fixture) : IClassFixture<CrdClusterFixture>
{
    private Task<Kubectl.Result> ApplyAsync(string manifest) =>
        Kubectl.RunAsync(fixture.Kubeconfig, manifest, "apply", "--server-side", "-f", "-");

    private async Task<JsonNode> GetAsync(string resource, string name) =>
        JsonNode.Parse(await Kubectl.SucceedAsync(fixture.Kubeconfig, null, "get", resource, name, "-n", ClusterWithCrds.Namespace, "-o", "json"))!;

    [Fact]
    public async Task Api_examples_are_accepted()
    {
        foreach (var example in new[] { ApiExamples.GitRepository, ApiExamples.MinimalGitRepository, ApiExamples.GitSync, ApiExamples.MinimalGitSync })
        {
            var result = await ApplyAsync(example);
            Assert.True(result.ExitCode == 0, $"refused:\n{example}\n{result.Errors}");
        }

        var repository = await GetAsync("gitrepositories", "config");
        Assert.Equal("main", (string?)repository["spec"]!["ref"]!["branch"]);
        Assert.Equal("git-trusted-keys", (string?)repository["spec"]!["verify"]!["secretRef"]!["name"]);
        var sync = await GetAsync("gitsyncs", "podinfo");
        Assert.Equal("infra", (string?)sync["spec"]!["dependsOn"]![0]!["name"]);
    }

    [Fact]
    public async Task A_minimal_GitRepository_gets_the_API_defaults()
    {
        await Kubectl.SucceedAsync(fixture.Kubeconfig, ApiExamples.GitRepositoryWith("defaults", """
              url: git@git.example.com:org/config.git
              verify:
                secretRef: { name: keys }
            """), "apply", "--server-side", "-f", "-");

        var spec = (await GetAsync("gitrepo", "defaults"))["spec"]!;

        Assert.Equal(("1m", "60s", false, "HEAD"), ((string?)spec["interval"], (string?)spec["timeout"], (bool?)spec["suspend"], (string?)spec["verify"]!["mode"]));
    }

    [Fact]
    public async Task A_minimal_GitSync_gets_the_API_defaults()
    {
        await Kubectl.SucceedAsync(fixture.Kubeconfig, ApiExamples.GitSyncWith("defaults", """
              sourceRef: { kind: GitRepository, name: config }
            """), "apply", "--server-side", "-f", "-");

        var spec = (await GetAsync("gsync", "defaults"))["spec"]!;

        Assert.Equal("./", (string?)spec["path"]);
        Assert.Equal(("10m", "30s", "5m"), ((string?)spec["interval"], (string?)spec["retryInterval"], (string?)spec["timeout"]));
        Assert.All(new[] { "prune", "wait", "force", "allowEmpty", "suspend" }, flag => Assert.False((bool?)spec[flag]));
    }

    [Theory]
    [InlineData("two-refs", "  url: https://git.example.com/org/config.git\n  ref: { branch: main, tag: v1.0.0 }", "spec.ref")]
    [InlineData("bad-interval", "  url: https://git.example.com/org/config.git\n  interval: often", "spec.interval")]
    [InlineData("days-timeout", "  url: https://git.example.com/org/config.git\n  timeout: 1d", "spec.timeout")]
    [InlineData("missing-url", "  interval: 1m", "spec.url")]
    [InlineData("not-a-url", "  url: config.git", "spec.url")]
    [InlineData("short-commit", "  url: https://git.example.com/org/config.git\n  ref: { commit: 4f1c7f0 }", "spec.ref.commit")]
    [InlineData("verify-mode", "  url: https://git.example.com/org/config.git\n  verify: { mode: ALL, secretRef: { name: keys } }", "spec.verify.mode")]
    public async Task Bad_GitRepository_specs_are_refused_naming_the_field(string name, string spec, string field)
    {
        var result = await ApplyAsync(ApiExamples.GitRepositoryWith(name, spec));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(field, result.Errors);
        Assert.Contains("is invalid", result.Errors);
    }

    [Theory]
    [InlineData("other-kind", "  sourceRef: { kind: Bucket, name: config }", "spec.sourceRef.kind")]
    [InlineData("no-source", "  path: ./apps", "spec.sourceRef")]
    [InlineData("bad-retry", "  sourceRef: { kind: GitRepository, name: config }\n  retryInterval: 30", "spec.retryInterval")]
    public async Task Bad_GitSync_specs_are_refused_naming_the_field(string name, string spec, string field)
    {
        var result = await ApplyAsync(ApiExamples.GitSyncWith(name, spec));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(field, result.Errors);
        Assert.Contains("is invalid", result.Errors);
    }
}
