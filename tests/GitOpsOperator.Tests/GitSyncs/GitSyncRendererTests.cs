using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync;
using GitOpsOperator.Testing;
using k8s;
using KubeEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class GitSyncRendererTests
{
    [Fact]
    public async Task Path_is_rendered_once_per_tree_and_reused_for_commits_elsewhere_and_reverts()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var renderer = await RendererUnderTest.StartAsync(fixture, "./apps/web");

        var first = await renderer.RenderAsync(await fixture.CommitAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1"))));
        var elsewhere = await renderer.RenderAsync(await fixture.CommitAsync("other", ("apps/other/x.yaml", GitSyncScenario.ConfigMap("x", "1"))));
        var changed = await renderer.RenderAsync(await fixture.CommitAsync("change", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "2"))));
        var reverted = await renderer.RenderAsync(await fixture.CommitAsync("revert", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1"))));

        Assert.Equal([false, true, false, true], new[] { first, elsewhere, changed, reverted }.Select(r => r.FromCache));
        Assert.Same(first.Objects, reverted.Objects);
        Assert.Equal("ConfigMap/gitops-system/a", Assert.Single(first.Objects!).Identity.ToString());
    }

    [Fact]
    public async Task Kustomization_is_rendered_again_when_a_directory_it_reads_changes_and_not_for_others()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var renderer = await RendererUnderTest.StartAsync(fixture, "./overlay");

        var first = await renderer.RenderAsync(await fixture.CommitAsync(
            "overlay on base",
            ("overlay/kustomization.yaml", "resources:\n  - ../base\nnamePrefix: prod-\n"),
            ("base/kustomization.yaml", "resources:\n  - a.yaml\n"),
            ("base/a.yaml", GitSyncScenario.ConfigMap("a", "1"))));
        var unrelated = await renderer.RenderAsync(await fixture.CommitAsync("unrelated", ("docs/readme.md", "notes\n")));
        var baseChanged = await renderer.RenderAsync(await fixture.CommitAsync("base", ("base/a.yaml", GitSyncScenario.ConfigMap("a", "2"))));

        Assert.Equal("ConfigMap/gitops-system/prod-a", Assert.Single(first.Objects!).Identity.ToString());
        Assert.Equal([false, true, false], new[] { first, unrelated, baseChanged }.Select(r => r.FromCache));
        Assert.Equal("2", Assert.Single(baseChanged.Objects!).Json["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chart_is_rendered_again_for_a_values_file_or_spec_helm_change_and_not_for_a_commit_elsewhere()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var renderer = await RendererUnderTest.StartAsync(fixture, "./charts/web");
        renderer.Change(spec => spec with { Helm = new HelmSpec { ValuesFiles = ["env/prod.yaml"] } });

        var first = await renderer.RenderAsync(await fixture.CommitAsync(
            "chart",
            ("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n"),
            ("charts/web/values.yaml", "size: small\n"),
            ("charts/web/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sized\ndata:\n  size: {{ .Values.size }}\n"),
            ("env/prod.yaml", "size: medium\n")));
        var elsewhere = await renderer.RenderAsync(await fixture.CommitAsync("unrelated", ("docs/readme.md", "notes\n")));
        var valuesFile = await fixture.CommitAsync("larger", ("env/prod.yaml", "size: large\n"));
        var valuesChanged = await renderer.RenderAsync(valuesFile);
        renderer.Change(spec => spec with { Helm = spec.Helm! with { Values = new JsonObject { ["size"] = "inline" } } });
        var specChanged = await renderer.RenderAsync(valuesFile);
        var again = await renderer.RenderAsync(valuesFile);

        Assert.Equal([false, true, false, false, true], new[] { first, elsewhere, valuesChanged, specChanged, again }.Select(r => r.FromCache));
        Assert.Equal(["medium", "large", "inline"], new[] { first, valuesChanged, specChanged }.Select(r => Assert.Single(r.Objects!).Json["data"]!["size"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Chart_without_a_target_namespace_or_with_a_long_release_name_is_an_invalid_spec()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var renderer = await RendererUnderTest.StartAsync(fixture, "./charts/web");
        var artifact = await fixture.CommitAsync("chart", ("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n"));

        renderer.Change(spec => spec with { TargetNamespace = null });
        var noNamespace = await renderer.RenderAsync(artifact);
        renderer.Change(spec => spec with { TargetNamespace = "apps", Helm = new HelmSpec { ReleaseName = new string('r', 54) } });
        var longName = await renderer.RenderAsync(artifact);

        Assert.Equal((Reasons.InvalidSpec, Reasons.InvalidSpec), (noNamespace.FailureReason, longName.FailureReason));
        Assert.Contains("spec.targetNamespace is required", noNamespace.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("longer than helm's limit of 53 characters", longName.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_is_a_build_failure_naming_it()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var renderer = await RendererUnderTest.StartAsync(fixture, "./apps/gone");
        var artifact = await fixture.CommitAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));

        var attempt = await renderer.RenderAsync(artifact);

        Assert.Null(attempt.Objects);
        Assert.Equal(Reasons.BuildFailed, attempt.FailureReason);
        Assert.Contains("apps/gone", attempt.FailureMessage, StringComparison.Ordinal);
    }

    /// <summary>A GitSync's renderer over the fixture's git cache, with the API scope of a fresh emulated cluster.</summary>
    private sealed class RendererUnderTest : IAsyncDisposable
    {
        private readonly EmulatedCluster cluster;
        private readonly SyncManager sync;
        private readonly GitSyncRenderer renderer;
        private readonly GitOpsOperator.Api.GitSync gitSync;
        private readonly RenderCache cache = new();
        private readonly ClusterApiScope scope;

        private RendererUnderTest(EmulatedCluster cluster, RenderFixture fixture, string path)
        {
            this.cluster = cluster;
            sync = new SyncManager((Kubernetes)cluster.CreateClient());
            var charts = new ChartReleases(new ChartValuesReader(cluster.Client));
            renderer = new GitSyncRenderer(fixture.Cache, new ManifestRenderer(new ManifestOptions { HelmBinary = HelmRunner.BinaryPath }), charts, NullLogger<GitSyncRenderer>.Instance);
            gitSync = RenderFixture.Sync(path);
            scope = new ClusterApiScope(sync);
        }

        public static async Task<RendererUnderTest> StartAsync(RenderFixture fixture, string path) =>
            new(await EmulatedCluster.StartAsync(), fixture, path);

        /// <summary>Changes the GitSync's spec for the renders that follow.</summary>
        public void Change(Func<GitSyncSpec, GitSyncSpec> change) => gitSync.Spec = change(gitSync.Spec);

        public Task<RenderAttempt> RenderAsync(Source.Artifact artifact) =>
            renderer.RenderAsync(gitSync, artifact, cache, scope, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await sync.DisposeAsync();
            await cluster.DisposeAsync();
        }
    }
}
