using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>
/// The JSONPath subset CRD printer columns use: ".spec.url", ".items[0]", "['key.with.dots']", "[*]" and
/// filters "[?(@.type=="Ready")]" with == or != against a string, number or boolean; an optional "{…}" wrapper.
/// </summary>
public static class JsonPathEvaluator
{
    /// <summary>Every node the path selects, in document order; empty for a malformed path or no match.</summary>
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('{') && trimmed.EndsWith('}'))
        {
            trimmed = trimmed[1..^1].Trim();
        }

        if (trimmed.StartsWith('$'))
        {
            trimmed = trimmed[1..];
        }

        IReadOnlyList<JsonNode?> current = [root];
        var position = 0;
        while (position < trimmed.Length)
        {
            if (!TryStep(trimmed, ref position, current, out current))
            {
                return [];
            }
        }

        return current;
    }

    /// <summary>The first node the path selects, or null.</summary>
    public static JsonNode? First(JsonNode? root, string path) => Evaluate(root, path) is [var first, ..] ? first : null;

    private static bool TryStep(string path, ref int position, IReadOnlyList<JsonNode?> input, out IReadOnlyList<JsonNode?> output)
    {
        output = [];
        if (path[position] == '.')
        {
            var start = ++position;
            while (position < path.Length && path[position] != '.' && path[position] != '[')
            {
                position++;
            }

            var name = path[start..position];
            output = name.Length == 0 ? [] : [.. input.Select(node => (node as JsonObject)?[name]).Where(n => n is not null)];
            return name.Length > 0;
        }

        if (path[position] != '[')
        {
            return false;
        }

        var close = FindClosingBracket(path, position);
        if (close < 0)
        {
            return false;
        }

        var selector = path[(position + 1)..close].Trim();
        position = close + 1;
        return TrySelect(selector, input, out output);
    }

    private static int FindClosingBracket(string path, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TrySelect(string selector, IReadOnlyList<JsonNode?> input, out IReadOnlyList<JsonNode?> output)
    {
        output = [];
        if (selector == "*")
        {
            output = [.. input.SelectMany(Children)];
            return true;
        }

        if (selector.Length >= 2 && selector[0] is '\'' or '"' && selector[^1] == selector[0])
        {
            var key = selector[1..^1];
            output = [.. input.Select(node => (node as JsonObject)?[key]).Where(n => n is not null)];
            return true;
        }

        if (int.TryParse(selector, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            output = [.. input.OfType<JsonArray>().Select(a => ElementAt(a, index)).Where(n => n is not null)];
            return true;
        }

        if (selector.StartsWith("?(", StringComparison.Ordinal) && selector.EndsWith(')'))
        {
            var filter = Filter.TryParse(selector[2..^1]);
            if (filter is null)
            {
                return false;
            }

            output = [.. input.OfType<JsonArray>().SelectMany(a => a).Where(filter.Matches)];
            return true;
        }

        return false;
    }

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject obj => obj.Select(p => p.Value),
        _ => [],
    };

    private static JsonNode? ElementAt(JsonArray array, int index)
    {
        var actual = index < 0 ? array.Count + index : index;
        return actual >= 0 && actual < array.Count ? array[actual] : null;
    }

    /// <summary>"@.a.b == literal" or "@.a.b != literal"; "@.a.b" alone tests existence.</summary>
    private sealed record Filter(string Path, string? Operator, JsonNode? Literal)
    {
        public static Filter? TryParse(string text)
        {
            foreach (var op in new[] { "==", "!=" })
            {
                var at = text.IndexOf(op, StringComparison.Ordinal);
                if (at > 0)
                {
                    var left = text[..at].Trim();
                    var right = text[(at + op.Length)..].Trim();
                    return left.StartsWith('@') ? new Filter(left[1..], op, ParseLiteral(right)) : null;
                }
            }

            var exists = text.Trim();
            return exists.StartsWith('@') ? new Filter(exists[1..], null, null) : null;
        }

        public bool Matches(JsonNode? item)
        {
            var found = Evaluate(item, Path);
            if (Operator is null)
            {
                return found.Count > 0;
            }

            var equal = found.Count > 0 && JsonNode.DeepEquals(found[0], Literal);
            return Operator == "==" ? equal : !equal;
        }

        private static JsonNode? ParseLiteral(string text)
        {
            if (text.Length >= 2 && text[0] is '\'' or '"' && text[^1] == text[0])
            {
                return JsonValue.Create(text[1..^1]);
            }

            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return JsonValue.Create(text);
            }
        }
    }
}
