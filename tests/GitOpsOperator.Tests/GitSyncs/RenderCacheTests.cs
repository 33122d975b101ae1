using GitOpsOperator.Controllers.GitSyncs;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class RenderCacheTests
{
    [Fact]
    public async Task Commit_elsewhere_in_the_repository_finds_the_earlier_render()
    {
        using var fixture = await RenderFixture.CreateAsync();
        var first = await fixture.CommitAsync("start", ("apps/web/a.yaml", "a: 1\n"), ("apps/other/x.yaml", "x: 1\n"));
        var cache = new RenderCache();
        using (var tree = await fixture.ExportAsync(first, "apps/web"))
        {
            cache.Add(RenderFixture.Set("apps/web", new Dictionary<string, string> { ["apps/web"] = tree.TreeHash }));
        }

        var elsewhere = await fixture.CommitAsync("other", ("apps/other/x.yaml", "x: 2\n"));
        using var later = await fixture.ExportAsync(elsewhere, "apps/web");

        Assert.NotNull(cache.Find(later, GitSyncScenario.Namespace));
        Assert.Null(cache.Find(later, "another-namespace"));
    }

    [Fact]
    public async Task Change_in_any_input_misses_and_a_revert_finds_the_earlier_render_again()
    {
        using var fixture = await RenderFixture.CreateAsync();
        var first = await fixture.CommitAsync("start", ("overlay/kustomization.yaml", "resources: [../base]\n"), ("base/a.yaml", "a: 1\n"));
        var cache = new RenderCache();
        using (var tree = await fixture.ExportAsync(first, "overlay"))
        {
            var inputs = new Dictionary<string, string> { ["overlay"] = tree.TreeHash, ["base"] = tree.TreeHashOf("base").Value! };
            cache.Add(RenderFixture.Set("overlay", inputs));
        }

        var changed = await fixture.CommitAsync("base changes", ("base/a.yaml", "a: 2\n"));
        using (var tree = await fixture.ExportAsync(changed, "overlay"))
        {
            Assert.Null(cache.Find(tree, GitSyncScenario.Namespace));
        }

        var reverted = await fixture.CommitAsync("revert", ("base/a.yaml", "a: 1\n"));
        using var back = await fixture.ExportAsync(reverted, "overlay");
        Assert.NotNull(cache.Find(back, GitSyncScenario.Namespace));
    }

    [Fact]
    public async Task A_commit_opened_at_its_root_tells_whether_it_moved_the_latest_renders_inputs()
    {
        using var fixture = await RenderFixture.CreateAsync();
        var first = await fixture.CommitAsync("start", ("apps/web/a.yaml", "a: 1\n"), ("apps/other/x.yaml", "x: 1\n"));
        var cache = new RenderCache();
        using (var root = await fixture.ExportAsync(first, ""))
        {
            Assert.False(cache.LatestInputsMatch(root));
            cache.Add(RenderFixture.Set("apps/web", new Dictionary<string, string> { ["apps/web"] = root.TreeHashOf("apps/web").Value! }));
        }

        var elsewhere = await fixture.CommitAsync("other", ("apps/other/x.yaml", "x: 2\n"));
        using (var root = await fixture.ExportAsync(elsewhere, ""))
        {
            Assert.True(cache.LatestInputsMatch(root));
        }

        var touched = await fixture.CommitAsync("web", ("apps/web/a.yaml", "a: 2\n"));
        using var changed = await fixture.ExportAsync(touched, "");
        Assert.False(cache.LatestInputsMatch(changed));
    }

    [Fact]
    public async Task Oldest_render_is_dropped_beyond_capacity()
    {
        using var fixture = await RenderFixture.CreateAsync();
        var cache = new RenderCache(capacity: 1);
        var first = await fixture.CommitAsync("one", ("apps/web/a.yaml", "a: 1\n"));
        using var one = await fixture.ExportAsync(first, "apps/web");
        cache.Add(RenderFixture.Set("apps/web", new Dictionary<string, string> { ["apps/web"] = one.TreeHash }));
        var second = await fixture.CommitAsync("two", ("apps/web/a.yaml", "a: 2\n"));
        using var two = await fixture.ExportAsync(second, "apps/web");
        cache.Add(RenderFixture.Set("apps/web", new Dictionary<string, string> { ["apps/web"] = two.TreeHash }));

        Assert.Null(cache.Find(one, GitSyncScenario.Namespace));
        Assert.NotNull(cache.Find(two, GitSyncScenario.Namespace));
    }
}
