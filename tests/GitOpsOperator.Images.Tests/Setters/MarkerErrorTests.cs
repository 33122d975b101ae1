using GitOpsOperator.Images.Setters;
using static GitOpsOperator.Images.Tests.Setters.MarkerEditorTests;

namespace GitOpsOperator.Images.Tests.Setters;

public sealed class MarkerErrorTests
{
    private const string Old = "registry.example.com/team/app:1.0.0";
    private const string New = "registry.example.com/team/app:1.1.0";

    /// <summary>
    /// Each case: lines from line 3 of a file, whose last marker cannot be applied, and what the error says. Line 1 holds
    /// a valid marker, which is still released; line 2 an anchor for the alias case.
    /// </summary>
    public static TheoryData<string, string, string> Broken => new()
    {
        { "block literal", $"script: | {Marker("apps:app")}\n  echo {Old}", "block scalar" },
        { "block folded", $"script: >- {Marker("apps:app")}\n  {Old}", "block scalar" },
        { "a block mapping", $"spec: {Marker("apps:app")}\n  image: {Old}", "follows a mapping key" },
        { "a flow mapping", $"spec: {{image: {Old}}} {Marker("apps:app")}", "follows a mapping" },
        { "a flow sequence", $"args: [{Old}] {Marker("apps:app")}", "follows a sequence" },
        { "a block sequence item holding a mapping", $"list:\n- {Marker("apps:app")}\n  image: {Old}", "follows a sequence" },
        { "an alias", $"again: *img {Marker("apps:app")}", "alias (*img)" },
        { "an empty value", $"image: {Marker("apps:app")}", "no value before the marker" },
        { "nothing on the line", Marker("apps:app"), "no value before the marker" },
        { "broken JSON", $"image: {Old} # {{\"$imagepolicy\": \"apps:app\"", "not valid JSON" },
        { "text after the JSON", $"image: {Old} {Marker("apps:app")} trailing", "not valid JSON" },
        { "no $imagepolicy string", $"image: {Old} # {{\"$imagepolicy\": 3}}", "does not name a policy" },
        { "a policy without namespace", $"image: {Old} # {{\"$imagepolicy\": \"app\"}}", "\"app\" is not a policy reference" },
        { "an upper-case name", $"image: {Old} # {{\"$imagepolicy\": \"Apps:App\"}}", "is not a policy reference" },
        { "an unknown field", $"image: {Old} {Marker("apps:app:version")}", "names the field \"version\"" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_marker_on_nothing_replaceable_is_an_error_naming_file_and_line_and_the_others_are_still_applied(string name, string brokenLines, string why)
    {
        using var tree = new WorkTree();
        var text = Lines($"first: {Old} {Marker("apps:app")}", "anchored: &img x", brokenLines);
        tree.Write("apps/deploy.yaml", text);
        var markerLine = 1 + text[..text.LastIndexOf("$imagepolicy", StringComparison.Ordinal)].Count(c => c == '\n');

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("apps/deploy.yaml", markerLine), (error.File, error.Line));
        Assert.True(error.Message.Contains(why, StringComparison.Ordinal), $"{name}: {error.Message}");
        Assert.Equal(Lines($"first: {New} {Marker("apps:app")}", "anchored: &img x", brokenLines), tree.Text("apps/deploy.yaml"));
        Assert.Single(result.Changes);
    }

    [Fact]
    public void A_broken_YAML_file_with_markers_is_an_error_at_the_parsers_line_and_left_as_it_was_while_other_files_are_released()
    {
        using var tree = new WorkTree();
        var broken = Lines($"image: {Old} {Marker("apps:app")}", "args: [a, b", "next: c");
        tree.Write("a-broken.yaml", broken);
        tree.Write("b-good.yml", Lines($"image: {Old} {Marker("apps:app")}"));

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("a-broken.yaml", 2), (error.File, error.Line));
        Assert.StartsWith("the file is not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(broken, tree.Text("a-broken.yaml"));
        Assert.Equal(Lines($"image: {New} {Marker("apps:app")}"), tree.Text("b-good.yml"));
    }

    [Fact]
    public void Prose_that_mentions_imagepolicy_is_no_marker()
    {
        using var tree = new WorkTree();
        var text = Lines($"image: {Old} # the $imagepolicy marker goes here");
        tree.Write("deploy.yaml", text);

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Changes);
        Assert.Equal(text, tree.Text("deploy.yaml"));
    }

    [Fact]
    public void Under_no_cross_namespace_refs_a_marker_naming_another_namespace_is_an_error_and_the_own_namespace_is_released()
    {
        using var tree = new WorkTree();
        tree.Write("deploy.yaml", Lines($"a: {Old} {Marker("team-b:app")}", $"b: {Old} {Marker("apps:app")}"));
        var options = new MarkerOptions { Namespace = "apps", NoCrossNamespaceRefs = true };

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup, options);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("deploy.yaml", 1), (error.File, error.Line));
        Assert.Contains("team-b:app in another namespace than apps", error.Message, StringComparison.Ordinal);
        Assert.Equal(Lines($"a: {Old} {Marker("team-b:app")}", $"b: {New} {Marker("apps:app")}"), tree.Text("deploy.yaml"));
    }

    [Fact]
    public void Without_the_flag_a_marker_may_name_another_namespace()
    {
        using var tree = new WorkTree();
        tree.Write("deploy.yaml", Lines($"a: {Old} {Marker("team-b:app")}"));

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup, new MarkerOptions { Namespace = "apps" });

        Assert.Empty(result.Errors);
        Assert.Equal(Lines($"a: registry.example.com/team-b/app:3.0.0 {Marker("team-b:app")}"), tree.Text("deploy.yaml"));
    }
}
