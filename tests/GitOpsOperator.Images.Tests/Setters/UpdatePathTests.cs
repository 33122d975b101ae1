using GitOpsOperator.Images.Setters;
using static GitOpsOperator.Images.Tests.Setters.MarkerEditorTests;

namespace GitOpsOperator.Images.Tests.Setters;

public sealed class UpdatePathTests
{
    private static readonly string Marked = Lines($"image: registry.example.com/team/app:1.0.0 {Marker("apps:app")}");
    private static readonly string Released = Lines($"image: registry.example.com/team/app:1.1.0 {Marker("apps:app")}");

    [Fact]
    public void Only_yaml_files_under_the_update_path_are_edited_and_git_is_skipped()
    {
        using var tree = new WorkTree();
        tree.Write("apps/app/deploy.yaml", Marked);
        tree.Write("apps/app/nested/values.yml", Marked);
        tree.Write("apps/app/notes.json", Marked);
        tree.Write("apps/app/.git/config.yaml", Marked);
        tree.Write("other/deploy.yaml", Marked);

        var result = MarkerEditor.Apply(tree.Root, "./apps", Policies.Lookup);

        Assert.Equal(["apps/app/deploy.yaml", "apps/app/nested/values.yml"], result.Changes.Select(change => change.File));
        Assert.Equal(Released, tree.Text("apps/app/nested/values.yml"));
        Assert.Equal(Marked, tree.Text("apps/app/notes.json"));
        Assert.Equal(Marked, tree.Text("apps/app/.git/config.yaml"));
        Assert.Equal(Marked, tree.Text("other/deploy.yaml"));
    }

    [Fact]
    public void A_file_without_markers_is_not_parsed_even_when_it_is_broken()
    {
        using var tree = new WorkTree();
        tree.Write("broken.yaml", "a: [b\n");
        tree.Write("deploy.yaml", Marked);

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        Assert.Empty(result.Errors);
        Assert.Single(result.Changes);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("apps/../../outside")]
    [InlineData("/etc")]
    public void An_update_path_leaving_the_work_tree_is_refused(string path)
    {
        using var tree = new WorkTree();
        tree.Write("deploy.yaml", Marked);

        var result = MarkerEditor.Apply(tree.Root, path, Policies.Lookup);

        var error = Assert.Single(result.Errors);
        Assert.Equal((path, 0), (error.File, error.Line));
        Assert.Contains("leaves the repository", error.Message, StringComparison.Ordinal);
        Assert.Equal(Marked, tree.Text("deploy.yaml"));
    }

    [Fact]
    public void A_symlink_leaving_the_work_tree_is_not_followed_and_one_inside_is_edited_once()
    {
        using var outside = new WorkTree();
        outside.Write("deploy.yaml", Marked);
        using var tree = new WorkTree();
        tree.Write("apps/deploy.yaml", Marked);
        File.CreateSymbolicLink(Path.Combine(tree.Root, "escape.yaml"), Path.Combine(outside.Root, "deploy.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "escape-dir"), outside.Root);
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "z-alias"), Path.Combine(tree.Root, "apps"));

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        Assert.Equal(["escape-dir", "escape.yaml"], result.Errors.Select(error => error.File).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, error => Assert.Contains("outside the repository", error.Message, StringComparison.Ordinal));
        Assert.Equal(["apps/deploy.yaml"], result.Changes.Select(change => change.File));
        Assert.Equal(Marked, outside.Text("deploy.yaml"));
        Assert.Equal(Released, tree.Text("apps/deploy.yaml"));
    }
}
