using GitOpsOperator.Manifests.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// Finds, in one YAML text, each marker comment and the scalar it follows on its line, from the parser's events and the
/// scanner's token spans: nothing is re-serialized, so the caller can replace exactly that scalar's characters.
/// </summary>
internal static class MarkerLocator
{
    private enum Role
    {
        Root,
        Key,
        Value,
        Item,
    }

    /// <summary>The markers of <paramref name="text"/> (BOM removed) with their scalars, and those that point at nothing replaceable.</summary>
    public static (IReadOnlyList<MarkedScalar> Markers, IReadOnlyList<LocatedError> Errors) Locate(string text)
    {
        var scanner = new CommentRecordingScanner(new Scanner(new StringReader(text), skipComments: false));
        var parser = new Parser(scanner);
        List<(ParsingEvent Event, Role Role)> nodes;
        try
        {
            nodes = ReadNodes(parser);
        }
        catch (YamlException error)
        {
            return ([], [new LocatedError((int)error.Start.Line, $"the file is not valid YAML: {YamlDocumentReader.TrimPosition(error.Message)}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections; the last good event is the best place we have.
            var line = parser.Current is { } last ? (int)last.End.Line : 1;
            return ([], [new LocatedError(line, "the file is not valid YAML: malformed after this line (an unterminated flow collection or quote?)")]);
        }

        var markers = new List<MarkedScalar>();
        var errors = new List<LocatedError>();
        foreach (var comment in scanner.Comments)
        {
            var commentText = text[(int)comment.Start.Index..(int)comment.End.Index];
            if (!PolicyMarker.IsMarker(commentText))
            {
                continue;
            }

            var line = (int)comment.Start.Line;
            var marker = PolicyMarker.Parse(commentText, out var markerError);
            var scalar = marker is null ? null : FindScalar(text, comment.Start.Index, nodes, scanner, out markerError);
            if (scalar is null)
            {
                errors.Add(new LocatedError(line, markerError!));
                continue;
            }

            var token = scanner.ScalarsByEnd[scalar.End.Index];
            markers.Add(new MarkedScalar(line, marker!, (int)token.Start.Index, (int)token.End.Index, scalar.Style, scalar.Value, !scalar.Tag.IsEmpty));
        }

        return (markers, errors);
    }

    private static List<(ParsingEvent, Role)> ReadNodes(IParser parser)
    {
        var nodes = new List<(ParsingEvent, Role)>();
        var open = new Stack<Collection>();
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    open.Clear();
                    break;
                case Scalar or AnchorAlias:
                    nodes.Add((current, RoleIn(open)));
                    Advance(open);
                    break;
                case NodeEvent:
                    nodes.Add((current, RoleIn(open)));
                    open.Push(new Collection(current is MappingStart));
                    break;
                case MappingEnd or SequenceEnd:
                    nodes.Add((current, Role.Value));
                    open.Pop();
                    Advance(open);
                    break;
            }
        }

        return nodes;
    }

    private static Scalar? FindScalar(string text, long commentStart, List<(ParsingEvent Event, Role Role)> nodes, CommentRecordingScanner scanner, out string? error)
    {
        error = null;
        if (scanner.ScalarsByEnd.Values.Any(token => token.Start.Index < commentStart && commentStart < token.End.Index))
        {
            error = "the marker is on a block scalar (| or >): a marker updates a plain or quoted value on its line";
            return null;
        }

        var (before, role) = nodes.LastOrDefault(node => node.Event.End.Index <= commentStart);
        if (before is null || text.AsSpan((int)before.End.Index, (int)(commentStart - before.End.Index)).IndexOfAny('\n', '\r') >= 0)
        {
            error = "no value before the marker on its line: put the marker after the value it updates";
            return null;
        }

        switch (before)
        {
            case MappingStart or MappingEnd:
                error = "the marker follows a mapping, not a scalar: a marker updates a single value";
                return null;
            case SequenceStart or SequenceEnd:
                error = "the marker follows a sequence, not a scalar: a marker updates a single value";
                return null;
            case AnchorAlias alias:
                error = $"the marker follows an alias (*{alias.Value}): put the marker on the anchored value";
                return null;
            case Scalar when role == Role.Key:
                error = "the marker follows a mapping key: put it after the value, on the value's line";
                return null;
            case Scalar scalar when scalar.Start.Index == scalar.End.Index || !scanner.ScalarsByEnd.ContainsKey(scalar.End.Index):
                error = "no value before the marker on its line: put the marker after the value it updates";
                return null;
            default:
                return (Scalar)before;
        }
    }

    private static Role RoleIn(Stack<Collection> open) =>
        !open.TryPeek(out var top) ? Role.Root
        : !top.IsMapping ? Role.Item
        : top.ExpectsKey ? Role.Key : Role.Value;

    private static void Advance(Stack<Collection> open)
    {
        if (open.TryPeek(out var top) && top.IsMapping)
        {
            top.ExpectsKey = !top.ExpectsKey;
        }
    }

    private sealed class Collection(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;

        public bool ExpectsKey { get; set; } = true;
    }
}
