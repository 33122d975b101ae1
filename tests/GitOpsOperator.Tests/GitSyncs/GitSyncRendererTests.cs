using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync;
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
            renderer = new GitSyncRenderer(fixture.Cache, new ManifestRenderer(), NullLogger<GitSyncRenderer>.Instance);
            gitSync = RenderFixture.Sync(path);
            scope = new ClusterApiScope(sync);
        }

        public static async Task<RendererUnderTest> StartAsync(RenderFixture fixture, string path) =>
            new(await EmulatedCluster.StartAsync(), fixture, path);

        public Task<RenderAttempt> RenderAsync(Source.Artifact artifact) =>
            renderer.RenderAsync(gitSync, artifact, cache, scope, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await sync.DisposeAsync();
            await cluster.DisposeAsync();
        }
    }
}
