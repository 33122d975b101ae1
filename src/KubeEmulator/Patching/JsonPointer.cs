using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>An RFC 6901 JSON pointer: "/spec/containers/0/image", "~1" for "/" and "~0" for "~" inside a token.</summary>
internal sealed record JsonPointer(string Text, IReadOnlyList<string> Tokens)
{
    public bool IsRoot => Tokens.Count == 0;

    public string Last => Tokens[^1];

    public JsonPointer Parent => new(Text[..Text.LastIndexOf('/')], Tokens.Take(Tokens.Count - 1).ToArray());

    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer \"{text}\": must be empty or start with \"/\"");
        }

        var tokens = text[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        return new JsonPointer(text, tokens);
    }

    /// <summary>True when this pointer is a proper prefix of the other (moving a value into itself).</summary>
    public bool IsAncestorOf(JsonPointer other) =>
        other.Tokens.Count > Tokens.Count && Tokens.SequenceEqual(other.Tokens.Take(Tokens.Count));

    /// <summary>The node the pointer names; throws <see cref="PatchException"/> when it does not exist.</summary>
    public JsonNode? Resolve(JsonNode? document, string operation)
    {
        var node = document;
        foreach (var token in Tokens)
        {
            node = node switch
            {
                JsonObject map when map.TryGetPropertyValue(token, out var child) => child,
                JsonArray list when Index(token, list.Count - 1) is { } index => list[index],
                _ => throw Missing(operation),
            };
        }

        return node;
    }

    public PatchException Missing(string operation) =>
        new($"{operation} operation does not apply: doc is missing path: \"{Text}\"");

    /// <summary>The array index a token names, or null when it is not an index within 0..max.</summary>
    public static int? Index(string token, int max)
    {
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit))
        {
            return null;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= max ? index : null;
    }
}
