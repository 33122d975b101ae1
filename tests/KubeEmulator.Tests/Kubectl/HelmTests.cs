namespace KubeEmulator.Tests.Kubectl;

public sealed class HelmTests
{
    private static Task<CommandResult> RunAsync(KubectlSession session, params string[] args) =>
        HelmRunner.RunAsync([.. args, "--kubeconfig", session.Cluster.KubeconfigPath]);

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
