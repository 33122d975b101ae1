using System.Net;
using GitOpsOperator.Crds;
using GitOpsOperator.Hosting;
using GitOpsOperator.Tests.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitOpsOperator.Tests.Host;

public sealed class OperatorHostTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await OperatorHost.RunAsync(args, output, errors, CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_zero()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: gitops-operator", output);
        Assert.Contains("--install-crds", output);
    }

    [Fact]
    public async Task Unknown_option_exits_two_and_says_so()
    {
        var (exitCode, output, errors) = await RunAsync("--install-crd");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("unknown option \"--install-crd\"", errors);
    }

    [Fact]
    public async Task Missing_kubeconfig_exits_one_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-kubeconfig-{Guid.NewGuid():N}");

        var (exitCode, _, errors) = await RunAsync("--kubeconfig", path);

        Assert.Equal(1, exitCode);
        Assert.Contains(path, errors);
    }

    [Fact]
    public async Task Operator_started_with_install_crds_installs_them_and_stops_cleanly()
    {
        await using var cluster = await ClusterWithCrds.StartEmulatorAsync();
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var run = OperatorHost.RunAsync(
            ["--kubeconfig", cluster.KubeconfigPath, "--install-crds", "--http-port", "0", "--http-address", "127.0.0.1"], output, output, stop.Token);

        await Eventually.TrueAsync(
            async () => (await Kubectl.RunAsync(cluster.KubeconfigPath, null, "get", "gitrepositories,gitsyncs", "-A")).ExitCode == 0,
            "kubectl get gitrepositories,gitsyncs works");
        var crd = await cluster.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("gitsyncs.gitops.operator.io");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Metadata.ManagedFields, f => f.Manager == "gitops-operator" && f.Operation == "Apply");

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task Install_crds_upgrades_CRDs_that_are_already_there()
    {
        await using var cluster = await ClusterWithCrds.StartEmulatorAsync();
        var older = CrdManifests.All().Single(c => (string?)c["spec"]!["names"]!["kind"] == "GitSync");
        older["spec"]!["names"]!.AsObject().Remove("shortNames");
        await Kubectl.SucceedAsync(cluster.KubeconfigPath, older.ToJsonString(), "create", "-f", "-");

        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var run = OperatorHost.RunAsync(
            ["--kubeconfig", cluster.KubeconfigPath, "--install-crds", "--http-port", "0", "--http-address", "127.0.0.1"], output, output, stop.Token);

        await Eventually.TrueAsync(
            async () => (await Kubectl.RunAsync(cluster.KubeconfigPath, null, "get", "gsync", "-A")).ExitCode == 0,
            "the short name gsync is served");
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task Healthz_answers_and_readyz_waits_for_every_required_part()
    {
        await using var cluster = await ClusterWithCrds.StartAsync();
        var options = new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1" };
        using var host = OperatorHost.Build(new Dictionary<string, string?>(), options, KubernetesConnection.Resolve(cluster.KubeconfigPath));
        var readiness = host.Services.GetRequiredService<Readiness>();
        readiness.Require("controllers");
        await host.StartAsync();
        var address = host.Services.GetRequiredService<HttpEndpointsService>().Address!;
        using var http = new HttpClient { BaseAddress = address };

        var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var notReady = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        readiness.MarkReady("controllers");
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        await host.StopAsync();

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("waiting for: controllers\n", await notReady.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Operator_meeting_CRDs_older_than_itself_says_so_in_readyz_naming_the_missing_field()
    {
        await using var cluster = await ClusterWithCrds.StartEmulatorAsync();
        foreach (var crd in CrdManifests.All())
        {
            if ((string?)crd["spec"]!["names"]!["kind"] == "GitSync")
            {
                crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!.AsObject().Remove("timeout");
            }

            await Kubectl.SucceedAsync(cluster.KubeconfigPath, crd.ToJsonString(), "create", "-f", "-");
        }

        var options = new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1" };
        using var host = OperatorHost.Build(new Dictionary<string, string?>(), options, KubernetesConnection.Resolve(cluster.KubeconfigPath));
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Services.GetRequiredService<HttpEndpointsService>().Address! };
        var readyz = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var answer = await readyz.Content.ReadAsStringAsync();
        await host.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
        Assert.Contains("CRD gitsyncs.gitops.operator.io lacks v1alpha1 spec.timeout", answer, StringComparison.Ordinal);
        Assert.Contains("--install-crds", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("gitrepositories.gitops.operator.io", answer, StringComparison.Ordinal);
    }
}
