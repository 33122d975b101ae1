namespace KubeEmulator.Tests.Kubectl;

public sealed class HelmTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static string Helm()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GitOpsOperator.sln")))
        {
            directory = directory.Parent;
        }

        var helm = directory is null ? null : Path.Combine(directory.FullName, ".tools", "bin", "helm");
        Assert.True(helm is not null && File.Exists(helm), "helm is missing: run ./scripts/install-test-deps.sh (it puts helm in .tools/bin)");
        return helm!;
    }

    private static Task<CommandResult> RunAsync(KubectlSession session, params string[] args) =>
        Tool.RunAsync(Helm(), [.. args, "--kubeconfig", session.Cluster.KubeconfigPath], null, Timeout);

    [Fact]
    public async Task Helm_install_and_uninstall_of_a_chart_leave_the_right_objects()
    {
        await using var session = await KubectlSession.StartAsync(controllers: true);
        var chart = Path.Combine(AppContext.BaseDirectory, "charts", "demo");

        var installed = await RunAsync(session, "install", "demo", chart, "--namespace", "default", "--wait", "--timeout", "60s");
        var objects = await session.MustRunAsync("get", "deployments,services,configmaps,secrets", "-n", "default", "-l", "app.kubernetes.io/instance=demo", "-o", "name");
        var release = await session.MustRunAsync("get", "secrets", "-n", "default", "-l", "owner=helm", "-o", "name");
        var uninstalled = await RunAsync(session, "uninstall", "demo", "--namespace", "default", "--wait");
        var after = await session.MustRunAsync("get", "deployments,services,configmaps,secrets", "-n", "default", "-o", "name");

        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.Contains("deployment.apps/demo-web", objects.Stdout);
        Assert.Contains("service/demo-web", objects.Stdout);
        Assert.Contains("configmap/demo-config", objects.Stdout);
        Assert.Contains("secret/sh.helm.release.v1.demo.v1", release.Stdout);
        Assert.True(uninstalled.ExitCode == 0, uninstalled.ToString());
        Assert.Contains("release \"demo\" uninstalled", uninstalled.Stdout);
        Assert.DoesNotContain("demo", after.Stdout);
    }
}
