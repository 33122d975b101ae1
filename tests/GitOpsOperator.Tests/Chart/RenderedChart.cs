using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitOpsOperator.Manifests.Yaml;

namespace GitOpsOperator.Tests.Chart;

/// <summary>The objects of a multi-document YAML stream, as <c>helm template</c> prints them.</summary>
internal sealed partial record RenderedChart(IReadOnlyList<JsonObject> Objects)
{
    public static RenderedChart Parse(string yaml) =>
        new(DocumentSeparator().Split(yaml)
            .Select(YamlJson.Convert)
            .OfType<JsonObject>()
            .ToList());

    public IEnumerable<JsonObject> OfKind(params string[] kinds) =>
        Objects.Where(o => kinds.Contains((string?)o["kind"], StringComparer.Ordinal));

    public JsonObject Single(string kind, string name) =>
        Assert.Single(OfKind(kind), o => (string?)o["metadata"]!["name"] == name);

    /// <summary>Every rule of every Role and ClusterRole, with the role that holds it.</summary>
    public IEnumerable<(JsonObject Role, PolicyRule Rule)> Rules() =>
        OfKind("Role", "ClusterRole").SelectMany(role =>
            (role["rules"]?.AsArray() ?? []).Select(rule => (role, PolicyRule.From(rule!.AsObject()))));

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}
