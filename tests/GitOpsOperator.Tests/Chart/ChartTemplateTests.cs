using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Yaml;

namespace GitOpsOperator.Tests.Chart;

public sealed class ChartTemplateTests
{
    private const string Name = "gitops-operator";

    [Fact]
    public async Task Helm_lint_is_clean_even_when_strict()
    {
        var output = await Helm.SucceedAsync("lint", "--strict", Helm.ChartPath);

        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[WARNING]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERROR]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_values_render_service_account_rbac_deployment_and_service_but_no_service_monitor()
    {
        var chart = await Helm.TemplateAsync();

        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount"],
            chart.Objects.Select(o => (string)o["kind"]!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(chart.Objects.Where(o => (string?)o["kind"] is not ("ClusterRole" or "ClusterRoleBinding")),
            o => Assert.Equal("gitops-system", (string?)o["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task The_operator_runs_non_root_on_a_read_only_filesystem_without_privileges()
    {
        var pod = PodSpec(await Helm.TemplateAsync());
        var container = pod["containers"]![0]!;
        var security = container["securityContext"]!;

        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.True((bool)security["runAsNonRoot"]!);
        Assert.True((bool)security["readOnlyRootFilesystem"]!);
        Assert.False((bool)security["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("RuntimeDefault", (string?)security["seccompProfile"]!["type"]);
        Assert.NotNull(container["resources"]!["requests"]!["memory"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
    }

    [Fact]
    public async Task Tmp_and_the_git_cache_are_writable_empty_dirs()
    {
        var pod = PodSpec(await Helm.TemplateAsync());
        var mounts = pod["containers"]![0]!["volumeMounts"]!.AsArray()
            .ToDictionary(m => (string)m!["mountPath"]!, m => (string)m!["name"]!);
        var emptyDirs = pod["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null).Select(v => (string)v!["name"]!);
        var env = Env(pod);

        Assert.Contains("/tmp", mounts.Keys);
        Assert.Contains(env["Operator__GitCacheDirectory"], mounts.Keys);
        Assert.Equal(mounts.Values.Order(StringComparer.Ordinal), emptyDirs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Probes_use_healthz_and_readyz_on_the_http_port()
    {
        var container = PodSpec(await Helm.TemplateAsync("httpPort=9090"))["containers"]![0]!;

        Assert.Equal(9090, (long)container["ports"]![0]!["containerPort"]!);
        Assert.Equal("http", (string?)container["ports"]![0]!["name"]);
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("http", (string?)container["livenessProbe"]!["httpGet"]!["port"]);
        Assert.Equal("http", (string?)container["readinessProbe"]!["httpGet"]!["port"]);
        Assert.Contains("--http-port=9090", container["args"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public async Task Values_reach_the_operators_arguments_and_settings()
    {
        var chart = await Helm.TemplateAsync(
            "replicaCount=3", "logFormat=console", "logLevel=Debug", "concurrency=8",
            "image.repository=registry.example/gitops", "image.tag=1.2.3");
        var deployment = chart.Single("Deployment", Name);
        var pod = PodSpec(chart);
        var container = pod["containers"]![0]!;

        Assert.Equal(3, (long)deployment["spec"]!["replicas"]!);
        Assert.Equal("registry.example/gitops:1.2.3", (string?)container["image"]);
        Assert.Equal(
            ["--http-port=8080", "--log-format=console", "--log-level=Debug"],
            container["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("8", Env(pod)["Operator__Concurrency"]);
        Assert.Equal("true", Env(pod)["Operator__LeaderElection"]);
    }

    [Fact]
    public async Task Without_leader_election_one_replica_runs_and_no_lease_rights_are_granted()
    {
        var single = await Helm.TemplateAsync("leaderElection.enabled=false");
        var several = await Helm.RunAsync(["template", "gitops-operator", Helm.ChartPath, "--set", "leaderElection.enabled=false", "--set", "replicaCount=2"]);

        Assert.Equal("false", Env(PodSpec(single))["Operator__LeaderElection"]);
        Assert.Empty(single.OfKind("Role", "RoleBinding"));
        Assert.NotEqual(0, several.ExitCode);
        Assert.Contains("replicaCount above 1 needs leaderElection.enabled", several.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_image_tag_defaults_to_the_charts_app_version()
    {
        var chartYaml = File.ReadAllText(Path.Combine(Helm.ChartPath, "Chart.yaml"));
        var appVersion = (string)YamlJson.Convert(chartYaml)!["appVersion"]!;

        Assert.Equal($"gitops-operator:{appVersion}", (string?)PodSpec(await Helm.TemplateAsync())["containers"]![0]!["image"]);
    }

    [Fact]
    public async Task The_service_exposes_the_http_port_for_webhook_and_metrics()
    {
        var chart = await Helm.TemplateAsync("service.port=80");
        var spec = chart.Single("Service", Name)["spec"]!;
        var podLabels = chart.Single("Deployment", Name)["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        Assert.Equal(80, (long)spec["ports"]![0]!["port"]!);
        Assert.Equal("http", (string?)spec["ports"]![0]!["targetPort"]);
        Assert.All(spec["selector"]!.AsObject(), label => Assert.Equal((string?)label.Value, (string?)podLabels[label.Key]));
    }

    [Fact]
    public async Task An_enabled_service_monitor_scrapes_metrics_on_the_service_port()
    {
        var chart = await Helm.TemplateAsync("serviceMonitor.enabled=true", "serviceMonitor.interval=15s");
        var monitor = chart.Single("ServiceMonitor", Name);
        var endpoint = monitor["spec"]!["endpoints"]![0]!;

        Assert.Equal("monitoring.coreos.com/v1", (string?)monitor["apiVersion"]);
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        Assert.Equal("http", (string?)endpoint["port"]);
        Assert.Equal("15s", (string?)endpoint["interval"]);
    }

    private static JsonNode PodSpec(RenderedChart chart) => chart.Single("Deployment", Name)["spec"]!["template"]!["spec"]!;

    private static Dictionary<string, string> Env(JsonNode pod) =>
        pod["containers"]![0]!["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);
}
