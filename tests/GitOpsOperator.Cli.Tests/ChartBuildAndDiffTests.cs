using System.Text.Json.Nodes;
using GitOpsOperator.Tests.EndToEnd;

namespace GitOpsOperator.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class ChartBuildAndDiffTests(CliCluster stack)
{
    private const string Ns = "gitops-system";
    private const string SecretValue = "s3cret-value";

    private const string Capabilities = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: capabilities
        data:
          kube: {{ .Capabilities.KubeVersion.Version | quote }}

        """;

    private const string Url = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: url
        data:
          url: "{{ .Values.a }}@{{ .Values.c }}"

        """;

    [Fact]
    public async Task Build_renders_a_chart_as_the_gitsyncs_release_without_hooks_and_diff_of_a_values_change_masks_secret_values()
    {
        await stack.Cluster.KubectlAsync("create", "namespace", "chart");
        await stack.Cluster.KubectlAsync("create", "configmap", "chart-values", "-n", Ns, "--from-literal=values.yaml=b: configmap\n");
        await stack.Cluster.KubectlAsync("create", "secret", "generic", "chart-secret", "-n", Ns, $"--from-literal=values.yaml=c: {SecretValue}\n");
        var sha = await stack.Cluster.PushAsync("Add the chart", [.. Chart("a: chart\nb: chart\nc: chart\nd: chart\n")]);
        await stack.Cluster.ApplyGitSyncAsync("chart", """
              path: ./apps/chart
              targetNamespace: chart
              helm:
                releaseName: web
                valuesFiles: [env/prod.yaml]
                valuesFrom: [ { kind: ConfigMap, name: chart-values }, { kind: Secret, name: chart-secret } ]

            """);
        await stack.Cluster.WaitForReadyAsync("chart", sha);

        var same = await CheckoutAsync("a: chart\nb: chart\nc: chart\nd: chart\n");
        var built = await stack.GitOpsAsync("build", "gitsync", "chart", "-n", Ns, "--path", same, "-o", "json");

        Assert.True(built.ExitCode == 0, built.ToString());
        var items = JsonNode.Parse(built.Stdout)!["items"]!.AsArray().Select(item => item!).ToDictionary(item => (string)item["metadata"]!["name"]!);
        Assert.Equal(["capabilities", "layers", "url"], items.Keys.Order());
        Assert.All(items.Values, item => Assert.Equal("chart", (string)item["metadata"]!["namespace"]!));
        Assert.All(items.Values, item => Assert.Equal("chart", (string)item["metadata"]!["labels"]!["gitops.operator.io/name"]!));
        Assert.Equal("web", (string)items["layers"]["metadata"]!["labels"]!["app.kubernetes.io/instance"]!);
        Assert.Equal("chart configmap file", $"{items["layers"]["data"]!["a"]} {items["layers"]["data"]!["b"]} {items["layers"]["data"]!["d"]}");
        var server = JsonNode.Parse(await stack.Cluster.KubectlAsync("get", "--raw", "/version"))!["gitVersion"]!.GetValue<string>();
        Assert.Equal(server, (string)items["capabilities"]["data"]!["kube"]!);

        var changed = await stack.GitOpsAsync("diff", "gitsync", "chart", "-n", Ns, "--path", await CheckoutAsync("a: changed\nb: chart\nc: chart\nd: chart\n"));

        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.Contains("~ changed ConfigMap/chart/layers", changed.Stdout);
        Assert.Contains("data.a: \"chart\" -> \"changed\"", changed.Stdout);
        Assert.Contains("data.url: \"chart@***\" -> \"changed@***\"", changed.Stdout);
        Assert.DoesNotContain(SecretValue, changed.Output);
    }

    /// <summary>The chart (with an install hook) at apps/chart and a values file at env/prod.yaml, from the repository root.</summary>
    private static IEnumerable<(string Path, string? Content)> Chart(string values) =>
    [
        ChartFiles.ChartYaml("apps/chart", "layered"),
        ("apps/chart/values.yaml", values),
        ("apps/chart/templates/cm.yaml", ChartFiles.ConfigMap("layers", ["a", "b", "d"], "  labels:\n    app.kubernetes.io/instance: {{ .Release.Name }}\n")),
        ("apps/chart/templates/url.yaml", Url),
        ("apps/chart/templates/capabilities.yaml", Capabilities),
        ("apps/chart/templates/hook.yaml", ChartFiles.ConfigMap("install-hook", ["a"], ChartFiles.Hook("pre-install", 0))),
        ("env/prod.yaml", "d: file\n"),
    ];

    /// <summary>A local clone of the repository with these chart values; the path to pass is the chart's directory.</summary>
    private static async Task<string> CheckoutAsync(string values)
    {
        var root = CliCluster.Checkout([.. Chart(values).Select(file => (file.Path, file.Content!))]);
        var initialized = await ProcessRunner.RunAsync(new ProcessCommand("git", ["init", "-q", root]));
        Assert.True(initialized.Succeeded, initialized.ToString());
        return Path.Combine(root, "apps", "chart");
    }
}
