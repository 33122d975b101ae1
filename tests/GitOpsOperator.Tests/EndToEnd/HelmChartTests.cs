using System.Text.Json.Nodes;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class HelmChartTests
{
    [Fact]
    public async Task Stock_chart_is_synced_a_values_change_rolls_out_and_a_revert_goes_back()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        await cluster.KubectlAsync("create", "namespace", "web");
        var chart = await ChartFiles.StockAsync("demo", "apps/web");
        var values = chart.Single(file => file.Path == "apps/web/values.yaml").Content!;
        var first = await cluster.PushAsync("Add the web chart", chart);
        await cluster.ApplyGitSyncAsync("web", "  path: ./apps/web\n  targetNamespace: web\n  prune: true\n");
        await cluster.WaitForReadyAsync("web", first);

        var live = await cluster.KubectlAsync("get", "deployment,service,serviceaccount", "-n", "web", "-l", "app.kubernetes.io/instance=web", "-o", "name");
        Assert.Equal(["deployment.apps/web-demo", "service/web-demo", "serviceaccount/web-demo"], live.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal("1", await ReplicasAsync(cluster));

        var second = await cluster.PushAsync("Three replicas", ("apps/web/values.yaml", values.Replace("replicaCount: 1", "replicaCount: 3", StringComparison.Ordinal)));
        await cluster.WaitForReadyAsync("web", second);
        Assert.Equal("3", await ReplicasAsync(cluster));

        var revert = await cluster.RevertHeadAsync();
        await cluster.WaitForReadyAsync("web", revert);
        Assert.Equal("1", await ReplicasAsync(cluster));
    }

    [Fact]
    public async Task Values_files_a_secret_and_inline_values_apply_in_order_and_a_template_error_applies_nothing_and_shows_no_secret()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        await cluster.KubectlAsync("create", "namespace", "cfg");
        await cluster.KubectlAsync("create", "secret", "generic", "cfg-values", "-n", GitOpsCluster.Namespace, "--from-literal=values.yaml=c: secret-value\nd: secret-value\n");
        string[] keys = ["a", "b", "c", "d"];
        var first = await cluster.PushAsync(
            "Add the layered chart",
            ChartFiles.ChartYaml("apps/cfg", "cfg"),
            ("apps/cfg/values.yaml", "a: chart\nb: chart\nc: chart\nd: chart\n"),
            ("apps/cfg/templates/cm.yaml", ChartFiles.ConfigMap("layers", keys)),
            ("apps/cfg/templates/capabilities.yaml", Capabilities),
            ("env/prod.yaml", "b: file\nc: file\nd: file\n"));
        await cluster.ApplyGitSyncAsync("cfg", """
              path: ./apps/cfg
              targetNamespace: cfg
              helm:
                valuesFiles: [env/prod.yaml]
                valuesFrom: [ { kind: Secret, name: cfg-values } ]
                values: { d: inline }

            """);
        await cluster.WaitForReadyAsync("cfg", first);
        Assert.Equal("chart file secret-value inline", await LayersAsync(cluster));
        var server = JsonNode.Parse(await cluster.KubectlAsync("get", "--raw", "/version"))!["gitVersion"]!.GetValue<string>();
        Assert.Equal($"{server} true false", await cluster.KubectlAsync("get", "configmap", "capabilities", "-n", "cfg", "-o", "jsonpath={.data.kube} {.data.gitsyncs} {.data.widgets}"));

        var broken = await cluster.PushAsync(
            "Change a, break the template",
            ("apps/cfg/values.yaml", "a: changed\nb: chart\nc: chart\nd: chart\n"),
            ("apps/cfg/templates/cm.yaml", ChartFiles.ConfigMap("layers", keys) + "{{ fail (printf \"c is %s\" .Values.c) }}\n"));
        var sync = await cluster.WaitForGitSyncAsync("cfg", s => s.IsFailingAt(Reasons.BuildFailed, GitOpsCluster.Revision(broken)), "BuildFailed at the broken commit");

        var message = sync.Ready()!.Message;
        Assert.Contains("apps/cfg/templates/cm.yaml:10:3: ", message, StringComparison.Ordinal);
        Assert.Contains("c is ***", message, StringComparison.Ordinal);
        Assert.Equal("chart file secret-value inline", await LayersAsync(cluster));
        var shown = await cluster.KubectlAsync("get", "gitsync,events", "-n", GitOpsCluster.Namespace, "-o", "yaml");
        Assert.DoesNotContain("secret-value", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_with_crds_a_subchart_and_hooks_runs_install_hooks_in_order_once_and_upgrade_hooks_on_a_values_change()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        await cluster.KubectlAsync("create", "namespace", "widgets");
        var first = await cluster.PushAsync("Add the widgets chart", WidgetsChart("small"));
        await cluster.ApplyGitSyncAsync("widgets", "  path: ./apps/widgets\n  targetNamespace: widgets\n  prune: true\n");
        var installed = await cluster.WaitForReadyAsync("widgets", first);

        var afterInstall = await VersionsAsync(cluster);
        Assert.True(
            afterInstall["pre-early"] < afterInstall["pre-late"] && afterInstall["pre-late"] < afterInstall["main"] && afterInstall["main"] < afterInstall["post"],
            $"pre-hooks by weight, then the release, then the post-hook: {string.Join(", ", afterInstall)}");
        Assert.Empty(await cluster.KubectlAsync("get", "jobs", "-n", "widgets", "--ignore-not-found", "-o", "name"));
        Assert.Equal("widget.example.com/widgets-w", (await cluster.KubectlAsync("get", "widgets", "-n", "widgets", "-o", "name")).Trim());
        Assert.Equal("disabled", await cluster.KubectlAsync("get", "crd", "widgets.example.com", "-o", "jsonpath={.metadata.annotations.gitops\\.operator\\.io/prune}"));
        Assert.Contains(installed.Status!.Inventory!.Entries, e => e.Id == "widgets_parts__ConfigMap");
        Assert.DoesNotContain(installed.Status.Inventory.Entries, e => e.Id.Contains("pre-", StringComparison.Ordinal) || e.Id.Contains("post", StringComparison.Ordinal));

        var elsewhere = await cluster.PushAsync("A commit elsewhere", ("docs/README.md", "notes\n"));
        await cluster.WaitForReadyAsync("widgets", elsewhere);
        Assert.Equal(afterInstall, await VersionsAsync(cluster));

        var upgraded = await cluster.PushAsync("Large widgets", WidgetsChart("large"));
        await cluster.WaitForReadyAsync("widgets", upgraded);
        var afterUpgrade = await VersionsAsync(cluster);
        Assert.Equal(afterInstall["pre-late"], afterUpgrade["pre-late"]);
        Assert.True(
            afterUpgrade["pre-early"] > afterInstall["post"] && afterUpgrade["pre-early"] < afterUpgrade["main"] && afterUpgrade["main"] < afterUpgrade["post"],
            $"the upgrade hooks ran again around the changed release: {string.Join(", ", afterUpgrade)}");
        Assert.Equal("large", await cluster.KubectlAsync("get", "configmap", "pre-early", "-n", "widgets", "-o", "jsonpath={.data.size}"));
    }

    private static (string Path, string? Content)[] WidgetsChart(string size) =>
    [
        ChartFiles.ChartYaml("apps/widgets", "widgets", "dependencies:\n  - name: parts\n    version: 0.1.0\n"),
        ("apps/widgets/values.yaml", $"size: {size}\n"),
        ("apps/widgets/crds/widgets.yaml", WidgetCrd),
        ("apps/widgets/templates/widget.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: {{ .Release.Name }}-w\nspec:\n  size: {{ .Values.size }}\n"),
        ("apps/widgets/templates/main.yaml", ChartFiles.ConfigMap("main", ["size"])),
        ("apps/widgets/templates/pre-early.yaml", ChartFiles.ConfigMap("pre-early", ["size"], ChartFiles.Hook("pre-install,pre-upgrade", -5))),
        ("apps/widgets/templates/pre-job.yaml", PreJob),
        ("apps/widgets/templates/pre-late.yaml", ChartFiles.ConfigMap("pre-late", ["size"], ChartFiles.Hook("pre-install", 5))),
        ("apps/widgets/templates/post.yaml", ChartFiles.ConfigMap("post", ["size"], ChartFiles.Hook("post-install,post-upgrade", 0))),
        ChartFiles.ChartYaml("apps/widgets/charts/parts", "parts"),
        ("apps/widgets/charts/parts/templates/parts.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: parts\n"),
    ];

    /// <summary>What the chart's <c>.Capabilities</c> say: the server's version, a kind it serves and one it does not.</summary>
    private const string Capabilities = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: capabilities
        data:
          kube: {{ .Capabilities.KubeVersion.Version | quote }}
          gitsyncs: {{ .Capabilities.APIVersions.Has "gitops.operator.io/v1alpha1/GitSync" | quote }}
          widgets: {{ .Capabilities.APIVersions.Has "example.com/v1" | quote }}

        """;

    private const string PreJob = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pre-job
          annotations:
            helm.sh/hook: pre-install
            helm.sh/hook-delete-policy: hook-succeeded
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: migrate
                  image: busybox

        """;

    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: { plural: widgets, singular: widget, kind: Widget, listKind: WidgetList }
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true

        """;

    private static async Task<Dictionary<string, long>> VersionsAsync(GitOpsCluster cluster)
    {
        var output = await cluster.KubectlAsync("get", "configmaps", "pre-early", "pre-late", "main", "post", "-n", "widgets", "-o", "jsonpath={range .items[*]}{.metadata.name}={.metadata.resourceVersion}{\"\\n\"}{end}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .ToDictionary(cells => cells[0], cells => long.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task<string> ReplicasAsync(GitOpsCluster cluster) =>
        cluster.KubectlAsync("get", "deployment", "web-demo", "-n", "web", "-o", "jsonpath={.spec.replicas}");

    private static Task<string> LayersAsync(GitOpsCluster cluster) =>
        cluster.KubectlAsync("get", "configmap", "layers", "-n", "cfg", "-o", "jsonpath={.data.a} {.data.b} {.data.c} {.data.d}");
}
