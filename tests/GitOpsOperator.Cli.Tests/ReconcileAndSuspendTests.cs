namespace GitOpsOperator.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class ReconcileAndSuspendTests(CliCluster stack)
{
    private const string Ns = "gitops-system";

    [Fact]
    public async Task Reconcile_with_source_waits_until_the_pushed_commit_is_applied_and_reports_its_revision()
    {
        var first = await stack.Cluster.PushAsync("reconcile app", ("apps/reconcile/ns.yaml", Manifests.Namespace("reconcile")),
            ("apps/reconcile/cm.yaml", Manifests.ConfigMap("reconcile", "greeting", "hello")));
        await stack.Cluster.ApplyGitSyncAsync("reconcile", Manifests.SyncSpec("apps/reconcile"));
        await stack.Cluster.WaitForReadyAsync("reconcile", first);
        var second = await stack.Cluster.PushAsync("new greeting", ("apps/reconcile/cm.yaml", Manifests.ConfigMap("reconcile", "greeting", "bonjour")));

        var result = await stack.GitOpsAsync("reconcile", "gitsync", "reconcile", "-n", Ns, "--with-source", "--timeout", "2m");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"GitRepository {Ns}/config is Ready at main@sha1:{second}", result.Stdout);
        Assert.Contains($"GitSync {Ns}/reconcile is Ready at main@sha1:{second}", result.Stdout);
        Assert.Equal("bonjour", await stack.Cluster.KubectlAsync("get", "configmap", "greeting", "-n", "reconcile", "-o", "jsonpath={.data.text}"));
    }

    [Fact]
    public async Task A_suspended_gitsync_is_refused_by_reconcile_naming_why_until_resumed()
    {
        var sha = await stack.Cluster.PushAsync("suspend app", ("apps/suspend/ns.yaml", Manifests.Namespace("suspend")));
        await stack.Cluster.ApplyGitSyncAsync("suspend", Manifests.SyncSpec("apps/suspend"));
        await stack.Cluster.WaitForReadyAsync("suspend", sha);

        var suspended = await stack.GitOpsAsync("suspend", "gitsync", "suspend", "-n", Ns);
        Assert.True(suspended.ExitCode == 0, suspended.ToString());
        Assert.Equal("gitsync.gitops.operator.io/suspend suspended\n", suspended.Stdout);
        Assert.Equal("true", await stack.Cluster.KubectlAsync("get", "gitsync", "suspend", "-n", Ns, "-o", "jsonpath={.spec.suspend}"));

        var refused = await stack.GitOpsAsync("reconcile", "gitsync", "suspend", "-n", Ns);
        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(Manifests.Lines(refused.Stderr));
        Assert.StartsWith($"error: Suspended: GitSync {Ns}/suspend is suspended", line);

        var resumed = await stack.GitOpsAsync("resume", "gsync", "suspend", "-n", Ns);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal("false", await stack.Cluster.KubectlAsync("get", "gitsync", "suspend", "-n", Ns, "-o", "jsonpath={.spec.suspend}"));
        var reconciled = await stack.GitOpsAsync("reconcile", "gitsync", "suspend", "-n", Ns);
        Assert.True(reconciled.ExitCode == 0, reconciled.ToString());
    }
}
