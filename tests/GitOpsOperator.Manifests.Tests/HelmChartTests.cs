using System.Runtime.Versioning;
using GitOpsOperator.Manifests.Helm;
using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

public class HelmChartTests
{
    private static readonly HelmRelease Web = new("web", "apps");

    [Fact]
    public async Task Stock_chart_renders_as_the_release_in_its_namespace_naming_each_template_without_tests()
    {
        using var repo = await new TestRepo().WithStockChartAsync("charts/demo");

        var result = await repo.RenderChartAsync("charts/demo", Web);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            [("Deployment", "web-demo", "charts/demo/templates/deployment.yaml"), ("Service", "web-demo", "charts/demo/templates/service.yaml"), ("ServiceAccount", "web-demo", "charts/demo/templates/serviceaccount.yaml")],
            result.Objects.Select(o => (o.Identity.Kind, o.Identity.Name, o.Source.File)).Order());
        Assert.All(result.Objects, o => Assert.Equal("apps", o.Identity.Namespace));
        Assert.Empty(result.Hooks);
        Assert.Equal(["charts/demo"], result.InputPaths);
    }

    [Fact]
    public async Task Values_apply_in_order_chart_then_values_files_then_further_values_the_last_winning()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo"))
            .With("env/prod.yaml", "replicaCount: 2\nservice:\n  port: 81\n");
        var release = Web with
        {
            ValuesFiles = ["env/prod.yaml"],
            Values = [new("Secret web-values key values.yaml", "replicaCount: 3\nimage:\n  tag: from-secret\n", Sensitive: true), new("spec.helm.values", "{\"replicaCount\": 4}", false)],
        };

        var result = await repo.RenderChartAsync("demo", release);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var deployment = result.Objects.Single(o => o.Identity.Kind == "Deployment").Json;
        var service = result.Objects.Single(o => o.Identity.Kind == "Service").Json;
        Assert.Equal(4, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("nginx:from-secret", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(81, service["spec"]!["ports"]![0]!["port"]!.GetValue<long>());
    }

    [Fact]
    public async Task Template_error_names_the_template_with_line_and_column()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo"))
            .With("demo/templates/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  a: {{ .Values.missing.deeper }}\n");

        var result = await repo.RenderChartAsync("demo", Web);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation("demo/templates/broken.yaml", 6, 15), error.Location);
        Assert.Contains("nil pointer evaluating", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public async Task Bad_values_file_names_the_file_and_line()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo")).With("env/prod.yaml", "replicaCount: 2\nservice: [\n");

        var result = await repo.RenderChartAsync("demo", Web with { ValuesFiles = ["env/prod.yaml"] });

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation("env/prod.yaml", 2), error.Location);
    }

    [Fact]
    public async Task Values_from_a_secret_never_appear_in_an_error()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo"))
            .With("demo/templates/check.yaml", "{{ fail (printf \"bad password %s\" .Values.password) }}\n");
        var release = Web with { Values = [new("Secret web-values key values.yaml", "password: hunter2-is-secret\n", Sensitive: true)] };

        var result = await repo.RenderChartAsync("demo", release);

        var error = Assert.Single(result.Errors);
        Assert.Contains("bad password ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dependency_not_vendored_is_refused_naming_it_and_how_to_vendor_it()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo"))
            .With("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n");

        var result = await repo.RenderChartAsync("demo", Web);

        var error = Assert.Single(result.Errors);
        Assert.Equal("demo/Chart.yaml", error.Location?.File);
        Assert.Contains("dependency \"redis\" is not vendored under demo/charts/", error.Message, StringComparison.Ordinal);
        Assert.Contains("helm dependency build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vendored_subchart_renders_with_values_from_its_parent()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo"))
            .With("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\ndependencies:\n  - name: cache\n    version: 0.1.0\n")
            .With("demo/values.yaml", "cache:\n  size: large\n")
            .With("demo/charts/cache/Chart.yaml", "apiVersion: v2\nname: cache\nversion: 0.1.0\n")
            .With("demo/charts/cache/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cache\ndata:\n  size: {{ .Values.size }}\n");
        Directory.Delete(Path.Combine(repo.Root, "demo", "templates"), recursive: true);

        var result = await repo.RenderChartAsync("demo", Web);

        var configMap = Assert.Single(result.Objects);
        Assert.Equal(("web-cache", "demo/charts/cache/templates/cm.yaml"), (configMap.Identity.Name, configMap.Source.File));
        Assert.Equal("large", configMap.Json["data"]!["size"]!.GetValue<string>());
    }

    [Fact]
    public async Task Crds_are_rendered_marked_never_pruned_and_hooks_are_kept_apart_from_the_release()
    {
        using var repo = new TestRepo()
            .With("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n")
            .With("demo/crds/widgets.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n")
            .With("demo/templates/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install,pre-upgrade\nspec: {}\n")
            .With("demo/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");

        var withCrds = await repo.RenderChartAsync("demo", Web);
        var withoutCrds = await repo.RenderChartAsync("demo", Web with { IncludeCrds = false });

        Assert.True(withCrds.Succeeded, string.Join("\n", withCrds.Errors));
        var crd = withCrds.Objects.Single(o => o.Identity.Kind == "CustomResourceDefinition");
        Assert.Equal("demo/crds/widgets.yaml", crd.Source.File);
        Assert.Equal("disabled", crd.Json["metadata"]!["annotations"]!["gitops.operator.io/prune"]!.GetValue<string>());
        Assert.Equal(["migrate"], withCrds.Hooks.Select(h => h.Identity.Name));
        Assert.Equal(["pre-install", "pre-upgrade"], ChartHooks.Phases(withCrds.Hooks[0].Json));
        Assert.Equal(["ConfigMap"], withoutCrds.Objects.Select(o => o.Identity.Kind));
    }

    [Fact]
    public async Task Capabilities_given_reach_the_templates()
    {
        using var repo = new TestRepo()
            .With("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n")
            .With("demo/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caps\ndata:\n  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n  widgets: {{ .Capabilities.APIVersions.Has \"example.com/v1/Widget\" | quote }}\n");

        var result = await repo.RenderChartAsync("demo", Web with { Capabilities = new("v1.29.4", ["example.com/v1", "example.com/v1/Widget"]) });

        var data = Assert.Single(result.Objects).Json["data"]!;
        Assert.Equal(("v1.29.4", "true"), (data["kube"]!.GetValue<string>(), data["widgets"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_chart_beside_a_kustomization_or_values_outside_the_repository_is_refused()
    {
        using var repo = (await new TestRepo().WithStockChartAsync("demo")).With("both/Chart.yaml", "apiVersion: v2\nname: both\nversion: 0.1.0\n").With("both/kustomization.yaml", "resources: []\n");

        var both = await repo.RenderChartAsync("both", Web);
        var escaping = await repo.RenderChartAsync("demo", Web with { ValuesFiles = ["../outside.yaml"] });
        var noRelease = await repo.RenderAsync("demo");

        Assert.Contains("holds both Chart.yaml and kustomization.yaml", Assert.Single(both.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("values file \"../outside.yaml\" leaves the repository root", Assert.Single(escaping.Errors).Message);
        Assert.Contains("needs a release name and namespace", Assert.Single(noRelease.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Helm_that_does_not_finish_in_time_fails_the_render_with_a_timeout()
    {
        using var repo = new TestRepo()
            .With("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n")
            .With("slow-helm.sh", "#!/bin/sh\nexec sleep 30\n");
        var script = Path.Combine(repo.Root, "slow-helm.sh");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var options = new ManifestOptions { HelmBinary = script, HelmTimeout = TimeSpan.FromSeconds(1) };

        var result = await new ManifestRenderer(options).RenderAsync(new RenderRequest(repo.Root, "demo", "apps", TestApiScope.Instance) { Helm = Web }, CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("helm did not finish within 1 seconds", "demo/Chart.yaml"), (error.Message, error.Location?.File));
    }
}
