using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsOperator.Cli.Output;

/// <summary>JSON as YAML, as kubectl -o yaml prints it: block style, strings quoted only where YAML would read them as something else.</summary>
public static partial class JsonYaml
{
    public static string Write(JsonNode? node)
    {
        var stream = new YamlStream(new YamlDocument(ToYaml(node)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject obj => new YamlMappingNode(obj.Select(p => new KeyValuePair<YamlNode, YamlNode>(Scalar(p.Key), ToYaml(p.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(ToYaml)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Scalar(value.GetValue<string>()),
        null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        _ => new YamlScalarNode(node.ToJsonString()) { Style = ScalarStyle.Plain },
    };

    private static YamlScalarNode Scalar(string text) =>
        new(text) { Style = text.Length == 0 || LooksTyped().IsMatch(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    /// <summary>Plain scalars YAML 1.1 or 1.2 would read as a bool, null, number or timestamp.</summary>
    [GeneratedRegex(@"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|[-+]?(?:\.?[0-9][0-9_.:eE+\-]*|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|0x[0-9a-fA-F]+|0o[0-7]+|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")]
    private static partial Regex LooksTyped();
}
