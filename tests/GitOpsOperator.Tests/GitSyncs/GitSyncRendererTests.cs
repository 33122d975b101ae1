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
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var sync = new SyncManager((Kubernetes)cluster.CreateClient());
        var renderer = new GitSyncRenderer(fixture.Cache, new ManifestRenderer(), NullLogger<GitSyncRenderer>.Instance);
        var scope = new ClusterApiScope(sync);
        var cache = new RenderCache();
        var gitSync = RenderFixture.Sync("./apps/web");
        Task<RenderAttempt> RenderAsync(Source.Artifact artifact) => renderer.RenderAsync(gitSync, artifact, cache, scope, CancellationToken.None);

        var first = await RenderAsync(await fixture.CommitAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1"))));
        var elsewhere = await RenderAsync(await fixture.CommitAsync("other", ("apps/other/x.yaml", GitSyncScenario.ConfigMap("x", "1"))));
        var changed = await RenderAsync(await fixture.CommitAsync("change", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "2"))));
        var reverted = await RenderAsync(await fixture.CommitAsync("revert", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1"))));

        Assert.Equal([false, true, false, true], new[] { first, elsewhere, changed, reverted }.Select(r => r.FromCache));
        Assert.Same(first.Objects, reverted.Objects);
        Assert.Equal("ConfigMap/gitops-system/a", Assert.Single(first.Objects!).Identity.ToString());
    }

    [Fact]
    public async Task Kustomization_is_rendered_again_when_a_directory_it_reads_changes_and_not_for_others()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var sync = new SyncManager((Kubernetes)cluster.CreateClient());
        var renderer = new GitSyncRenderer(fixture.Cache, new ManifestRenderer(), NullLogger<GitSyncRenderer>.Instance);
        var scope = new ClusterApiScope(sync);
        var cache = new RenderCache();
        var gitSync = RenderFixture.Sync("./overlay");
        Task<RenderAttempt> RenderAsync(Source.Artifact artifact) => renderer.RenderAsync(gitSync, artifact, cache, scope, CancellationToken.None);

        var first = await RenderAsync(await fixture.CommitAsync(
            "overlay on base",
            ("overlay/kustomization.yaml", "resources:\n  - ../base\nnamePrefix: prod-\n"),
            ("base/kustomization.yaml", "resources:\n  - a.yaml\n"),
            ("base/a.yaml", GitSyncScenario.ConfigMap("a", "1"))));
        var unrelated = await RenderAsync(await fixture.CommitAsync("unrelated", ("docs/readme.md", "notes\n")));
        var baseChanged = await RenderAsync(await fixture.CommitAsync("base", ("base/a.yaml", GitSyncScenario.ConfigMap("a", "2"))));

        Assert.Equal("ConfigMap/gitops-system/prod-a", Assert.Single(first.Objects!).Identity.ToString());
        Assert.Equal([false, true, false], new[] { first, unrelated, baseChanged }.Select(r => r.FromCache));
        Assert.Equal("2", Assert.Single(baseChanged.Objects!).Json["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_path_is_a_build_failure_naming_it()
    {
        using var fixture = await RenderFixture.CreateAsync();
        await using var cluster = await EmulatedCluster.StartAsync();
        await using var sync = new SyncManager((Kubernetes)cluster.CreateClient());
        var renderer = new GitSyncRenderer(fixture.Cache, new ManifestRenderer(), NullLogger<GitSyncRenderer>.Instance);
        var artifact = await fixture.CommitAsync("start", ("apps/web/a.yaml", GitSyncScenario.ConfigMap("a", "1")));

        var attempt = await renderer.RenderAsync(RenderFixture.Sync("./apps/gone"), artifact, new RenderCache(), new ClusterApiScope(sync), CancellationToken.None);

        Assert.Null(attempt.Objects);
        Assert.Equal(Reasons.BuildFailed, attempt.FailureReason);
        Assert.Contains("apps/gone", attempt.FailureMessage, StringComparison.Ordinal);
    }
}
