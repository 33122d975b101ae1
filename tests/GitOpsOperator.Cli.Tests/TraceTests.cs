namespace GitOpsOperator.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class TraceTests(CliCluster stack)
{
    private const string Ns = "gitops-system";

    [Fact]
    public async Task Trace_names_the_gitsync_source_and_revision_of_a_managed_object_under_every_kind_spelling_and_refuses_an_unmanaged_one()
    {
        var sha = await stack.Cluster.PushAsync("trace app",
            ("apps/trace/ns.yaml", Manifests.Namespace("trace")), ("apps/trace/deploy.yaml", Manifests.Deployment("trace", "web")));
        await stack.Cluster.ApplyGitSyncAsync("trace", Manifests.SyncSpec("apps/trace"));
        await stack.Cluster.WaitForReadyAsync("trace", sha);

        foreach (var kind in new[] { "deployment", "deployments.apps", "deploy", "Deployment" })
        {
            var traced = await stack.GitOpsAsync("trace", kind, "web", "-n", "trace");

            Assert.True(traced.ExitCode == 0, traced.ToString());
            Assert.Contains("Deployment trace/web (apps/v1)", traced.Stdout);
            Assert.Matches($@"(?m)^GitSync:\s+{Ns}/trace$", traced.Stdout);
            Assert.Contains($"main@sha1:{sha}", traced.Stdout);
            Assert.Matches($@"(?m)^GitRepository:\s+{Ns}/config$", traced.Stdout);
        }

        await stack.Cluster.KubectlAsync("create", "configmap", "loose", "-n", "trace");
        var unmanaged = await stack.GitOpsAsync("trace", "cm", "loose", "-n", "trace");
        Assert.Equal(1, unmanaged.ExitCode);
        Assert.StartsWith("error: NotManaged: ConfigMap trace/loose is not managed by any GitSync", Assert.Single(Manifests.Lines(unmanaged.Stderr)));
    }
}
