using GitOpsOperator.Images.Setters;
using static GitOpsOperator.Images.Tests.Setters.MarkerEditorTests;

namespace GitOpsOperator.Images.Tests.Setters;

public sealed class MarkerReadTests
{
    [Fact]
    public void Read_lists_every_markers_current_value_and_the_broken_ones_without_writing()
    {
        using var tree = new WorkTree();
        var text = Lines(
            "spec:",
            $"  image: 'registry.example.com/team/app:1.0.0' {Marker("apps:app")}",
            $"  tag: \"1.0.0\" {Marker("apps:app:tag")}",
            $"  bad: [x] {Marker("apps:app")}");
        tree.Write("apps/deploy.yaml", text);

        var scan = MarkerEditor.Read(tree.Root, "./");

        Assert.Equal(
            [
                new MarkerValue("apps/deploy.yaml", 2, "apps:app", MarkerField.Image, "registry.example.com/team/app:1.0.0"),
                new MarkerValue("apps/deploy.yaml", 3, "apps:app", MarkerField.Tag, "1.0.0"),
            ],
            scan.Markers);
        Assert.Equal([("apps/deploy.yaml", 4)], scan.Errors.Select(error => (error.File, error.Line)));
        Assert.Equal(text, tree.Text("apps/deploy.yaml"));
    }

    [Fact]
    public void A_held_marker_keeps_its_value_while_the_others_are_released()
    {
        using var tree = new WorkTree();
        tree.Write("a.yaml", Lines($"image: registry.example.com/team/app:1.0.0 {Marker("apps:app")}"));
        tree.Write("b.yaml", Lines($"image: registry.example.com/team/app:1.0.0 {Marker("apps:app")}"));
        var options = new MarkerOptions { Hold = marker => marker.File == "a.yaml" && marker.Policy == "apps:app" };

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup, options);

        Assert.Equal(["b.yaml"], result.Changes.Select(change => change.File));
        Assert.Equal(Lines($"image: registry.example.com/team/app:1.0.0 {Marker("apps:app")}"), tree.Text("a.yaml"));
    }
}
