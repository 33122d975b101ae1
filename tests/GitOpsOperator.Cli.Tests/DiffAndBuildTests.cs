using System.Text;

namespace GitOpsOperator.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class DiffAndBuildTests(CliCluster stack)
{
    private const string Ns = "gitops-system";
    private const string Password = "s3cret-one";

    [Fact]
    public async Task Diff_exits_0_without_changes_and_1_listing_changed_and_pruned_objects_with_secret_values_masked()
    {
        var sha = await stack.Cluster.PushAsync("diff app",
            ("apps/diff/ns.yaml", Manifests.Namespace("diff")),
            ("apps/diff/cm.yaml", Manifests.ConfigMap("diff", "greeting", "hello")),
            ("apps/diff/extra.yaml", Manifests.ConfigMap("diff", "extra", "kept")),
            ("apps/diff/secret.yaml", Manifests.Secret("diff", "creds", Password)));
        await stack.Cluster.ApplyGitSyncAsync("diff", Manifests.SyncSpec("apps/diff", prune: true));
        await stack.Cluster.WaitForReadyAsync("diff", sha);

        var same = CliCluster.Checkout(
            ("ns.yaml", Manifests.Namespace("diff")), ("cm.yaml", Manifests.ConfigMap("diff", "greeting", "hello")),
            ("extra.yaml", Manifests.ConfigMap("diff", "extra", "kept")), ("secret.yaml", Manifests.Secret("diff", "creds", Password)));
        var unchanged = await stack.GitOpsAsync("diff", "gitsync", "diff", "-n", Ns, "--path", same);
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());

        var edited = CliCluster.Checkout(
            ("ns.yaml", Manifests.Namespace("diff")), ("cm.yaml", Manifests.ConfigMap("diff", "greeting", "bonjour")),
            ("secret.yaml", Manifests.Secret("diff", "creds", "s3cret-two")));
        var changed = await stack.GitOpsAsync("diff", "gitsync", "diff", "-n", Ns, "--path", edited);

        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.Contains("~ changed ConfigMap/diff/greeting", changed.Stdout);
        Assert.Contains("data.text: \"hello\" -> \"bonjour\"", changed.Stdout);
        Assert.Contains("- pruned ConfigMap/diff/extra", changed.Stdout);
        Assert.Contains("~ changed Secret/diff/creds", changed.Stdout);
        Assert.Contains("data.password: *** -> ***", changed.Stdout);
        foreach (var secret in new[] { Password, "s3cret-two" })
        {
            Assert.DoesNotContain(secret, changed.Output);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), changed.Output);
        }

        Assert.Equal("hello", await stack.Cluster.KubectlAsync("get", "configmap", "greeting", "-n", "diff", "-o", "jsonpath={.data.text}"));
    }

    [Fact]
    public async Task Build_prints_labelled_yaml_that_kubectl_accepts()
    {
        await stack.Cluster.ApplyGitSyncAsync("build", Manifests.SyncSpec("apps/build") + "  targetNamespace: build\n");
        var checkout = CliCluster.Checkout(
            ("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  enabled: \"true\"\n  port: \"8080\"\n"),
            ("deploy.yaml", Manifests.Deployment("build", "web")));

        var built = await stack.GitOpsAsync("build", "gitsync", "build", "-n", Ns, "--path", checkout);

        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Contains("gitops.operator.io/name: build", built.Stdout);
        Assert.Contains("namespace: build", built.Stdout);
        var applied = await stack.Cluster.KubectlWithInputAsync(built.Stdout, "apply", "--dry-run=client", "-f", "-");
        Assert.Contains("configmap/settings created (dry run)", applied);
        Assert.Contains("deployment.apps/web created (dry run)", applied);
    }
}
