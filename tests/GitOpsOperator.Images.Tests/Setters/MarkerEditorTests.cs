using System.Text;
using GitOpsOperator.Images.Setters;

namespace GitOpsOperator.Images.Tests.Setters;

public sealed class MarkerEditorTests
{
    private const string Old = "registry.example.com/team/app:1.0.0";
    private const string New = "registry.example.com/team/app:1.1.0";

    /// <summary>Each case: a file before and after releasing apps:app 1.1.0 (and the other selections in <see cref="Policies"/>), byte for byte.</summary>
    public static TheoryData<string, string, string> Edits => new()
    {
        {
            "plain whole reference",
            Lines($"image: {Old} {Marker("apps:app")}"),
            Lines($"image: {New} {Marker("apps:app")}")
        },
        {
            "single quotes kept",
            Lines($"image: '{Old}' {Marker("apps:app")}"),
            Lines($"image: '{New}' {Marker("apps:app")}")
        },
        {
            "double quotes kept, the old escapes replaced by the new text",
            Lines($"image: \"registry\\x2Eexample.com/team/app:1.0.0\" {Marker("apps:app")}", "note: \"a \\\"quoted\\\" \\t word\""),
            Lines($"image: \"{New}\" {Marker("apps:app")}", "note: \"a \\\"quoted\\\" \\t word\"")
        },
        {
            "tag, name and digest fields",
            Lines(
                "image:",
                $"  repository: registry.example.com/team/old {Marker("apps:app:name")}",
                $"  tag: \"1.0.0\" {Marker("apps:app:tag")}",
                $"  digest: sha256:0000 {Marker("apps:app:digest")}"),
            Lines(
                "image:",
                $"  repository: {Policies.Image} {Marker("apps:app:name")}",
                $"  tag: \"1.1.0\" {Marker("apps:app:tag")}",
                $"  digest: {Policies.Digest} {Marker("apps:app:digest")}")
        },
        {
            "sequence items",
            Lines("images:", $"- {Old} {Marker("apps:app")}", "- list:", $"  - ghcr.io/team/other:1.0.0 {Marker("apps:other")}", "- untouched:1.0.0"),
            Lines("images:", $"- {New} {Marker("apps:app")}", "- list:", $"  - ghcr.io/team/other:2.0.0 {Marker("apps:other")}", "- untouched:1.0.0")
        },
        {
            "a scalar inside a flow mapping spread over lines",
            Lines("spec: {", $"  image: '{Old}', {Marker("apps:app")}", "  pullPolicy: Always }"),
            Lines("spec: {", $"  image: '{New}', {Marker("apps:app")}", "  pullPolicy: Always }")
        },
        {
            "CRLF line endings",
            Lines($"kind: Deployment\r", "spec:\r", "  containers:\r", "  - name: app\r", $"    image: {Old} {Marker("apps:app")}\r", "    ports: [80]\r"),
            Lines($"kind: Deployment\r", "spec:\r", "  containers:\r", "  - name: app\r", $"    image: {New} {Marker("apps:app")}\r", "    ports: [80]\r")
        },
        {
            "comments, trailing blanks, tabs in comments and a block scalar elsewhere",
            Lines(
                "# head comment   ",
                "spec:   # why\t ",
                "  script: |",
                $"    echo image: {Old} {Marker("apps:app")}",
                "  folded: >-",
                "     keep   this",
                "",
                $"  image:    {Old}     {Marker("apps:app")}   ",
                "  # tail"),
            Lines(
                "# head comment   ",
                "spec:   # why\t ",
                "  script: |",
                $"    echo image: {Old} {Marker("apps:app")}",
                "  folded: >-",
                "     keep   this",
                "",
                $"  image:    {New}     {Marker("apps:app")}   ",
                "  # tail")
        },
        {
            "several documents",
            Lines("---", $"a: {Old} {Marker("apps:app")}", "...", "--- # second", "b: [x]", "---", $"c: \"{Old}\" {Marker("apps:app")}"),
            Lines("---", $"a: {New} {Marker("apps:app")}", "...", "--- # second", "b: [x]", "---", $"c: \"{New}\" {Marker("apps:app")}")
        },
        {
            "unicode before and in the value",
            Lines("description: \"héllo 😀 wörld\"", $"image: \"😀{Old}\" {Marker("apps:app")}", "# ünïcode", $"after: 😀 {Marker("apps:app:tag")}"),
            Lines("description: \"héllo 😀 wörld\"", $"image: \"{New}\" {Marker("apps:app")}", "# ünïcode", $"after: 1.1.0 {Marker("apps:app:tag")}")
        },
        {
            "byte order mark kept",
            "\uFEFF" + Lines($"image: {Old} {Marker("apps:app")}"),
            "\uFEFF" + Lines($"image: {New} {Marker("apps:app")}")
        },
        {
            "anchored value, its alias follows",
            Lines($"image: &img {Old} {Marker("apps:app")}", "again: *img"),
            Lines($"image: &img {New} {Marker("apps:app")}", "again: *img")
        },
        {
            "explicit string tag keeps a numeric-looking tag plain",
            Lines($"tag: !!str 1.9 {Marker("apps:numeric:tag")}"),
            Lines($"tag: !!str 1.10 {Marker("apps:numeric:tag")}")
        },
        {
            "a plain value that would read as a number is double-quoted",
            Lines($"tag: 1.9.0 {Marker("apps:numeric:tag")}"),
            Lines($"tag: \"1.10\" {Marker("apps:numeric:tag")}")
        },
        {
            "escaping inside single and double quotes",
            Lines($"a: 'x' {Marker("apps:odd:tag")}", $"b: \"x\" {Marker("apps:odd:tag")}", $"c: x {Marker("apps:odd:tag")}"),
            Lines($"a: 'it''s \"odd\" \\' {Marker("apps:odd:tag")}", $"b: \"it's \\\"odd\\\" \\\\\" {Marker("apps:odd:tag")}", $"c: \"it's \\\"odd\\\" \\\\\" {Marker("apps:odd:tag")}")
        },
        {
            "marker spacing as Flux tolerates it",
            Lines("a: 1.0.0 #{\"$imagepolicy\":\"apps:app:tag\"}", "b: 1.0.0 ##   {  \"$imagepolicy\" :  \"apps:app:tag\" , \"note\": \"x\" }"),
            Lines("a: 1.1.0 #{\"$imagepolicy\":\"apps:app:tag\"}", "b: 1.1.0 ##   {  \"$imagepolicy\" :  \"apps:app:tag\" , \"note\": \"x\" }")
        },
        {
            "a policy with no selection yet and an unknown one are skipped",
            Lines($"a: {Old} {Marker("apps:pending")}", $"b: {Old} {Marker("apps:app")}"),
            Lines($"a: {Old} {Marker("apps:pending")}", $"b: {New} {Marker("apps:app")}")
        },
        {
            "a digest marker whose selection has no digest is skipped",
            Lines($"digest: sha256:0000 {Marker("apps:other:digest")}"),
            Lines($"digest: sha256:0000 {Marker("apps:other:digest")}")
        },
        {
            "a document that is only the marked scalar, with no final newline",
            $"--- {Old} {Marker("apps:app")}",
            $"--- {New} {Marker("apps:app")}"
        },
        {
            "a multi-line quoted value ending on the marker's line",
            Lines("image: \"registry.example.com/", $"  team/app:1.0.0\" {Marker("apps:app")}"),
            Lines($"image: \"{New}\" {Marker("apps:app")}")
        },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Only_the_marked_scalars_change_byte_for_byte(string name, string before, string after)
    {
        using var tree = new WorkTree();
        tree.Write("deploy.yaml", before);

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        Assert.True(result.Errors.Count == 0, $"{name}: {string.Join("; ", result.Errors)}");
        Assert.Equal(after, tree.Text("deploy.yaml"));
        Assert.Equal(Encoding.UTF8.GetBytes(after), tree.Bytes("deploy.yaml"));
    }

    [Fact]
    public void Each_change_names_file_line_policy_field_old_and_new_value()
    {
        using var tree = new WorkTree();
        tree.Write("apps/app/deploy.yaml", Lines("spec:", $"  image: {Old} {Marker("apps:app")}", $"  tag: 1.0.0 {Marker("apps:app:tag")}"));

        var result = MarkerEditor.Apply(tree.Root, "", Policies.Lookup);

        Assert.Equal(
            [
                new FileChange("apps/app/deploy.yaml", 2, "apps:app", MarkerField.Image, Old, New, Policies.Image),
                new FileChange("apps/app/deploy.yaml", 3, "apps:app", MarkerField.Tag, "1.0.0", "1.1.0", Policies.Image),
            ],
            result.Changes);
    }

    [Fact]
    public void A_file_already_at_the_selected_values_is_not_written()
    {
        using var tree = new WorkTree();
        var text = Lines($"image: {New} {Marker("apps:app")}");
        tree.Write("deploy.yaml", text);
        var written = File.GetLastWriteTimeUtc(Path.Combine(tree.Root, "deploy.yaml"));
        File.SetLastWriteTimeUtc(Path.Combine(tree.Root, "deploy.yaml"), written.AddHours(-1));

        var result = MarkerEditor.Apply(tree.Root, "./", Policies.Lookup);

        Assert.Empty(result.Changes);
        Assert.Empty(result.Errors);
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(Path.Combine(tree.Root, "deploy.yaml")));
    }

    internal static string Marker(string policy) => $"# {{\"$imagepolicy\": \"{policy}\"}}";

    internal static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
