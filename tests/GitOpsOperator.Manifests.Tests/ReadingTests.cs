using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

public class ReadingTests
{
    private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n";

    [Fact]
    public async Task Files_are_read_recursively_in_ordinal_path_order()
    {
        using var repo = new TestRepo()
            .With("b.yaml", ConfigMap("b"))
            .With("a/z.yml", ConfigMap("az"))
            .With("a.json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"json"}}""")
            .With("README.md", "not a manifest")
            .With("c/d/e.yaml", ConfigMap("cde"));

        var result = await repo.RenderAsync();

        Assert.Equal(["a.json", "a/z.yml", "b.yaml", "c/d/e.yaml"], result.Objects.Select(o => o.Source.File));
    }

    [Fact]
    public async Task Dot_files_and_dot_directories_are_ignored()
    {
        using var repo = new TestRepo()
            .With("app.yaml", ConfigMap("app"))
            .With(".hidden.yaml", ConfigMap("hidden"))
            .With(".github/workflow.yaml", "on: push\n");

        var result = await repo.RenderAsync();

        Assert.Equal("app", Assert.Single(result.Objects).Identity.Name);
    }

    [Fact]
    public async Task Gitopsignore_patterns_exclude_files_and_directories()
    {
        using var repo = new TestRepo()
            .With(".gitopsignore", "# test data\ntestdata/\n*.draft.yaml\n!keep.draft.yaml\n")
            .With("app.yaml", ConfigMap("app"))
            .With("testdata/broken.yaml", "{{ not yaml")
            .With("wip.draft.yaml", ConfigMap("wip"))
            .With("keep.draft.yaml", ConfigMap("keep"));

        var result = await repo.RenderAsync();

        Assert.Equal(["app", "keep"], result.Objects.Select(o => o.Identity.Name).Order());
    }

    [Fact]
    public async Task Documents_carry_their_file_line_and_index()
    {
        using var repo = new TestRepo().With("multi.yaml", "# header\n" + ConfigMap("one") + "---\n---\n# comment only\n---\n" + ConfigMap("two"));

        var result = await repo.RenderAsync();

        Assert.Equal(
            [new SourceLocation("multi.yaml", 2, 1, 0), new SourceLocation("multi.yaml", 10, 1, 3)],
            result.Objects.Select(o => o.Source));
    }

    [Fact]
    public async Task List_kinds_are_flattened_and_items_keep_their_own_line()
    {
        using var repo = new TestRepo().With("list.yaml", "apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: first}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: second}\n");

        var result = await repo.RenderAsync();

        Assert.Equal([("first", 4), ("second", 7)], result.Objects.Select(o => (o.Identity.Name, o.Source.Line ?? 0)));
    }

    [Fact]
    public async Task Json_stream_objects_carry_their_line()
    {
        using var repo = new TestRepo().With("objects.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n\n  {\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}\n");

        var result = await repo.RenderAsync();

        Assert.Equal([(1, 1), (3, 3)], result.Objects.Select(o => (o.Source.Line ?? 0, o.Source.Column ?? 0)));
    }

    [Fact]
    public async Task Path_with_only_comments_and_no_objects_is_empty_not_success()
    {
        using var repo = new TestRepo().With("apps/empty.yaml", "# nothing yet\n---\n").With("apps/notes.txt", "x");

        var result = await repo.RenderAsync("apps");

        Assert.Equal(RenderOutcome.Empty, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public async Task Missing_path_is_an_error()
    {
        using var repo = new TestRepo().With("apps/cm.yaml", ConfigMap("cm"));

        var result = await repo.RenderAsync("nope");

        Assert.Equal("path \"nope\" does not exist in the repository", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Errors_in_several_files_are_all_reported()
    {
        using var repo = new TestRepo().With("a.yaml", "a: [\n").With("b.yaml", ConfigMap("ok")).With("c.yaml", "kind: ConfigMap\n");

        var result = await repo.RenderAsync();

        Assert.Equal(["a.yaml", "c.yaml"], result.Errors.Select(e => e.Location!.File));
    }

    [Fact]
    public async Task Key_overriding_a_merged_key_is_allowed_but_a_repeated_literal_key_is_not()
    {
        using var repo = new TestRepo()
            .With("ok/cm.yaml", ConfigMap("ok") + "data:\n  base: &base {a: '1'}\n  merged:\n    <<: *base\n    a: '2'\n")
            .With("bad/cm.yaml", ConfigMap("bad") + "data:\n  base: &base {a: '1'}\n  merged:\n    b: '1'\n    <<: *base\n    b: '2'\n");

        var ok = await repo.RenderAsync("ok");
        var bad = await repo.RenderAsync("bad");

        Assert.Equal("2", ok.Objects.Single().Json["data"]!["merged"]!["a"]!.GetValue<string>());
        Assert.Equal("bad/cm.yaml:10:5: duplicate key \"b\" in a mapping", Assert.Single(bad.Errors).ToString());
    }

    [Fact]
    public async Task Alias_to_an_unknown_anchor_is_an_error_with_its_line()
    {
        using var repo = new TestRepo().With("cm.yaml", ConfigMap("cm") + "data:\n  a: *nowhere\n");

        var result = await repo.RenderAsync();

        Assert.Equal("cm.yaml:6:6: unknown anchor 'nowhere' referenced", Assert.Single(result.Errors).ToString());
    }
}
