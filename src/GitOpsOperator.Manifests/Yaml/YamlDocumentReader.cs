using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsOperator.Manifests.Yaml;

/// <summary>
/// Turns a YAML stream into JSON documents by walking the parser's events, typing scalars with go-yaml v2's rules,
/// expanding anchors, aliases and merge keys within limits, and refusing duplicate keys.
/// </summary>
internal sealed class YamlDocumentReader
{
    private static readonly IReadOnlyDictionary<JsonNode, (int, int)> NoPositions = new Dictionary<JsonNode, (int, int)>();

    private readonly ManifestLimits limits;

    // Most documents have neither anchors nor List items: both tables are made on first use.
    private Dictionary<string, Anchored>? anchors;
    private Dictionary<JsonNode, (int, int)>? positions;
    private int expanded;

    private YamlDocumentReader(ManifestLimits limits) => this.limits = limits;

    /// <summary>Reads every non-empty document of <paramref name="text"/>; throws <see cref="ManifestReadException"/> at the first problem.</summary>
    public static List<ParsedDocument> ReadAll(string text, string file, ManifestLimits limits)
    {
        var documents = new List<ParsedDocument>();
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            var index = 0;
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var reader = new YamlDocumentReader(limits);
                var rootStart = parser.Current!.Start;
                var root = reader.ReadNode(parser, 0);
                parser.Consume<DocumentEnd>();
                if (root is not null)
                {
                    var (line, column) = ToPosition(rootStart);
                    documents.Add(new ParsedDocument(root, new SourceLocation(file, line, column, index), reader.positions ?? NoPositions));
                }

                index++;
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException error)
        {
            var (line, column) = error.Message.Contains("tab", StringComparison.Ordinal) && FirstTabIndent(text) is { } tab
                ? tab
                : ToPosition(error.Start);
            throw new ManifestReadException(TrimPosition(error.Message), line, column);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections; the last good event is the best place we have.
            var (line, column) = parser.Current is { } last ? ToPosition(last.End) : (1, 1);
            throw new ManifestReadException("malformed YAML after this point (an unterminated flow collection or quote?)", line, column);
        }

        return documents;
    }

    private JsonNode? ReadNode(IParser parser, int depth)
    {
        if (depth > limits.MaxDepth)
        {
            throw Error($"nesting deeper than {limits.MaxDepth} levels", parser.Current!.Start);
        }

        switch (parser.Current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return Expand(alias);
            case Scalar scalar:
                parser.MoveNext();
                var resolved = ResolveScalar(scalar);
                var value = ToJson(resolved, scalar.Start);
                Remember(scalar.Anchor, value, resolved);
                return value;
            case SequenceStart sequence:
                return ReadSequence(parser, sequence, depth);
            case MappingStart mapping:
                return ReadMapping(parser, mapping, depth);
            default:
                throw Error("unexpected YAML event", parser.Current!.Start);
        }
    }

    private JsonArray ReadSequence(IParser parser, SequenceStart start, int depth)
    {
        parser.MoveNext();
        var array = new JsonArray();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            var item = parser.Current;
            var node = ReadNode(parser, depth + 1);
            // Only a List's items (mappings in a sequence under the root) need their own position.
            if (depth == 1 && item is MappingStart mapping)
            {
                (positions ??= new(ReferenceEqualityComparer.Instance))[node!] = ToPosition(mapping.Start);
            }

            array.Add(node);
        }

        Remember(start.Anchor, array, null);
        return array;
    }

    private JsonObject ReadMapping(IParser parser, MappingStart start, int depth)
    {
        parser.MoveNext();
        var map = new JsonObject();
        // Until a merge key brings in keys, the map holds exactly the literal keys; only then is a separate set needed.
        HashSet<string>? literalKeys = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (IsMergeKey(keyEvent))
            {
                literalKeys ??= new HashSet<string>(map.Select(pair => pair.Key), StringComparer.Ordinal);
                parser.MoveNext();
                var valueStart = parser.Current!.Start;
                Merge(map, ReadNode(parser, depth + 1), valueStart);
                continue;
            }

            var key = ReadKey(parser);
            var duplicate = literalKeys is null ? map.ContainsKey(key) : !literalKeys.Add(key);
            if (duplicate)
            {
                throw Error($"duplicate key \"{key}\" in a mapping", keyEvent.Start);
            }

            map[key] = ReadNode(parser, depth + 1);
        }

        Remember(start.Anchor, map, null);
        return map;
    }

    private string ReadKey(IParser parser)
    {
        var at = parser.Current!.Start;
        ScalarValue scalar;
        switch (parser.Current)
        {
            case Scalar keyScalar:
                scalar = ResolveScalar(keyScalar);
                if (!keyScalar.Anchor.IsEmpty || !scalar.HasJson)
                {
                    // An anchored key may be aliased as a value, and a key without a JSON form is refused like such a value.
                    Remember(keyScalar.Anchor, ToJson(scalar, at), scalar);
                }

                parser.MoveNext();
                break;
            case AnchorAlias alias when anchors is not null && anchors.TryGetValue(alias.Value.Value, out var anchored) && anchored.Scalar is { } aliased:
                scalar = aliased;
                parser.MoveNext();
                break;
            default:
                throw Error("a mapping key must be a scalar", at);
        }

        try
        {
            return scalar.ToKey();
        }
        catch (ManifestReadException error)
        {
            throw Error(error.Message, at);
        }
    }

    private static bool IsMergeKey(ParsingEvent keyEvent) =>
        keyEvent is Scalar { Value: "<<" } scalar
        && ((scalar.Tag.IsEmpty && scalar.Style == ScalarStyle.Plain) || (!scalar.Tag.IsEmpty && scalar.Tag.Value == ScalarResolver.MergeTag));

    // go-yaml v2 writes merged keys into the map in order, so keys written before the merge are overridden
    // by it; of a sequence of maps the first that has a key wins.
    private void Merge(JsonObject target, JsonNode? source, Mark at)
    {
        var maps = source switch
        {
            JsonObject single => [single],
            JsonArray list when list.All(item => item is JsonObject) => list.Cast<JsonObject>().Reverse().ToList(),
            _ => throw Error("map merge requires a map or a sequence of maps as the value", at),
        };
        foreach (var map in maps)
        {
            foreach (var (key, value) in map)
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private JsonNode? Expand(AnchorAlias alias)
    {
        if (anchors is null || !anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw Error($"unknown anchor '{alias.Value.Value}' referenced", alias.Start);
        }

        expanded += anchored.Size;
        if (expanded > limits.MaxAliasExpansion)
        {
            throw Error($"YAML aliases expand to more than {limits.MaxAliasExpansion} nodes", alias.Start);
        }

        return anchored.Node?.DeepClone();
    }

    private void Remember(AnchorName anchor, JsonNode? node, ScalarValue? scalar)
    {
        if (!anchor.IsEmpty)
        {
            (anchors ??= new(StringComparer.Ordinal))[anchor.Value] = new Anchored(node, scalar, CountNodes(node));
        }
    }

    private static JsonNode? ToJson(ScalarValue scalar, Mark at)
    {
        try
        {
            return scalar.ToJson();
        }
        catch (ManifestReadException error)
        {
            throw Error(error.Message, at);
        }
    }

    private ScalarValue ResolveScalar(Scalar scalar)
    {
        try
        {
            var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
            return ScalarResolver.Resolve(scalar.Value, tag, scalar.Style == ScalarStyle.Plain);
        }
        catch (ManifestReadException error)
        {
            throw Error(error.Message, scalar.Start);
        }
    }

    // The size of an anchored node: every alias to it charges this much to the expansion budget.
    private static int CountNodes(JsonNode? node)
    {
        var count = 1;
        switch (node)
        {
            case JsonObject map:
                foreach (var (_, value) in map)
                {
                    count += CountNodes(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    count += CountNodes(item);
                }

                break;
        }

        return count;
    }

    // YamlDotNet reports tab indentation at the start of the enclosing mapping; users need the line with the tab.
    private static (int Line, int Column)? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static (int Line, int Column) ToPosition(Mark mark) => ((int)mark.Line, (int)mark.Column);

    private static ManifestReadException Error(string message, Mark at) => new(message, (int)at.Line, (int)at.Column);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
    public static string TrimPosition(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }

    private sealed record Anchored(JsonNode? Node, ScalarValue? Scalar, int Size);
}
