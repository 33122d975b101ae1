using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests;

/// <summary>A SHA-256 over an object's normalized JSON (keys sorted, no whitespace): equal content, equal hash.</summary>
public static class ContentHash
{
    private static readonly IComparer<KeyValuePair<string, JsonNode?>> ByKey =
        Comparer<KeyValuePair<string, JsonNode?>>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));

    // Every rendered object is hashed, so each thread reuses one buffer and one writer instead of allocating them per object.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static string Of(JsonNode? node)
    {
        var output = buffer ??= new ArrayBufferWriter<byte>();
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output);
        json.Reset(output);
        WriteNormalized(json, node);
        json.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(output.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void WriteNormalized(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject map:
                WriteSorted(writer, map);
                break;
            case JsonArray array:
                writer.WriteStartArray();
                for (var i = 0; i < array.Count; i++)
                {
                    WriteNormalized(writer, array[i]);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value:
                WriteValue(writer, value);
                break;
        }
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonObject map)
    {
        var count = map.Count;
        var properties = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(count);
        try
        {
            ((ICollection<KeyValuePair<string, JsonNode?>>)map).CopyTo(properties, 0);
            Array.Sort(properties, 0, count, ByKey);
            writer.WriteStartObject();
            for (var i = 0; i < count; i++)
            {
                writer.WritePropertyName(properties[i].Key);
                WriteNormalized(writer, properties[i].Value);
            }

            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(properties, clearArray: true);
        }
    }

    // Written by hand: JsonNode.WriteTo goes through the serializer for every primitive, which dominates the hash.
    private static void WriteValue(Utf8JsonWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetValue<string>());
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonValueKind.Number when value.TryGetValue<long>(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case JsonValueKind.Number when value.TryGetValue<double>(out var number):
                writer.WriteNumberValue(number);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
