using System.Text.Json;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// Reads the "tags" array of a tag-list page (<c>{"name": "...", "tags": ["1.0", ...]}</c>) from the stream as it
/// arrives, handing each tag over and stopping as soon as the receiver says so: memory stays one read buffer however
/// long the page is (a registry that ignores <c>n</c> sends every tag at once).
/// </summary>
internal static class TagPageReader
{
    private const int BufferBytes = 16 * 1024;
    private const int MaxTokenBytes = 64 * 1024;

    /// <summary>Hands each tag to <paramref name="accept"/> until it returns false; false when the body is not a tag list.</summary>
    public static async Task<bool> ReadAsync(Stream body, Func<string, bool> accept, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        var filled = 0;
        var finished = false;
        var state = new JsonReaderState();
        var cursor = new Cursor();
        while (true)
        {
            if (!finished)
            {
                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                finished = read == 0;
                filled += read;
            }

            var outcome = Scan(buffer.AsSpan(0, filled), finished, ref state, cursor, accept, out var consumed);
            if (outcome is not null)
            {
                return outcome.Value;
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxTokenBytes)
                {
                    return false;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>Reads the complete tokens of the span; true/false when done, null when more input is needed.</summary>
    private static bool? Scan(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, Cursor cursor, Func<string, bool> accept, out int consumed)
    {
        var reader = new Utf8JsonReader(data, final, state);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        cursor.InTagsProperty = reader.ValueTextEquals("tags"u8);
                        break;
                    case JsonTokenType.StartArray when reader.CurrentDepth == 1 && cursor.InTagsProperty:
                        cursor.InTags = true;
                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        cursor.InTags = false;
                        break;
                    case JsonTokenType.String when cursor.InTags && reader.CurrentDepth == 2:
                        if (!accept(reader.GetString()!))
                        {
                            consumed = (int)reader.BytesConsumed;
                            return true;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            consumed = 0;
            return false;
        }

        consumed = (int)reader.BytesConsumed;
        state = reader.CurrentState;
        return final ? true : null;
    }

    private sealed class Cursor
    {
        public bool InTagsProperty { get; set; }

        public bool InTags { get; set; }
    }
}
