using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Yaml;

namespace GitOpsOperator.Manifests.Json;

/// <summary>
/// Reads a stream of concatenated JSON values, as kubectl does for input that starts with '{': numbers become int64
/// when they are integers in range and float64 otherwise; duplicate keys are refused.
/// </summary>
internal sealed class JsonStreamReader
{
    private readonly byte[] utf8;
    private readonly string file;
    private readonly int[] lineStarts;
    private readonly Dictionary<JsonNode, (int, int)> positions = new(ReferenceEqualityComparer.Instance);

    private JsonStreamReader(byte[] utf8, string file)
    {
        this.utf8 = utf8;
        this.file = file;
        var starts = new List<int> { 0 };
        for (var at = Array.IndexOf(utf8, (byte)'\n'); at >= 0; at = Array.IndexOf(utf8, (byte)'\n', at + 1))
        {
            starts.Add(at + 1);
        }

        lineStarts = [.. starts];
    }

    public static List<ParsedDocument> ReadAll(byte[] utf8, string file, ManifestLimits limits) =>
        new JsonStreamReader(utf8, file).Read(limits);

    private List<ParsedDocument> Read(ManifestLimits limits)
    {
        var options = new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = limits.MaxDepth, CommentHandling = JsonCommentHandling.Disallow };
        var reader = new Utf8JsonReader(utf8, options);
        var documents = new List<ParsedDocument>();
        try
        {
            while (reader.Read())
            {
                var (line, column) = PositionOf(reader.TokenStartIndex);
                var root = ReadValue(ref reader, 0);
                if (root is not null)
                {
                    documents.Add(new ParsedDocument(root, new SourceLocation(file, line, column, documents.Count), positions));
                }
            }
        }
        catch (JsonException error)
        {
            var line = (int?)error.LineNumber + 1;
            var column = (int?)error.BytePositionInLine + 1;
            throw new ManifestReadException(TrimPosition(error.Message), line, column);
        }

        return documents;
    }

    private JsonNode? ReadValue(ref Utf8JsonReader reader, int depth) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ReadObject(ref reader, depth),
        JsonTokenType.StartArray => ReadArray(ref reader, depth),
        JsonTokenType.String => JsonValue.Create(reader.GetString()),
        JsonTokenType.Number => ReadNumber(ref reader),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        _ => null,
    };

    private JsonObject ReadObject(ref Utf8JsonReader reader, int depth)
    {
        var map = new JsonObject();
        if (depth <= 2)
        {
            positions[map] = PositionOf(reader.TokenStartIndex);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var keyAt = PositionOf(reader.TokenStartIndex);
            if (map.ContainsKey(key))
            {
                throw new ManifestReadException($"duplicate key \"{key}\" in an object", keyAt.Line, keyAt.Column);
            }

            reader.Read();
            map[key] = ReadValue(ref reader, depth + 1);
        }

        return map;
    }

    private JsonArray ReadArray(ref Utf8JsonReader reader, int depth)
    {
        var array = new JsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            array.Add(ReadValue(ref reader, depth + 1));
        }

        return array;
    }

    private JsonValue ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var integer))
        {
            return JsonValue.Create(integer);
        }

        var at = PositionOf(reader.TokenStartIndex);
        return reader.TryGetDouble(out var number) && JsonNumbers.FromDouble(number) is { } value
            ? value
            : throw new ManifestReadException("number out of range", at.Line, at.Column);
    }

    private (int Line, int Column) PositionOf(long offset)
    {
        var index = Array.BinarySearch(lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, (int)offset - lineStarts[line] + 1);
    }

    // System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 4."; the location is reported separately.
    private static string TrimPosition(string message)
    {
        var marker = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return marker >= 0 ? message[..marker] : message;
    }
}
