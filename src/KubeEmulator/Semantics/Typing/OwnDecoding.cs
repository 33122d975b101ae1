using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics.Typing;

/// <summary>
/// The apimachinery types that decode themselves (their UnmarshalJSON): IntOrString, Quantity and Time, and
/// base64 for []byte. Each returns the error its Go code returns, or null when the value decodes.
/// </summary>
internal static class OwnDecoding
{
    public static string? Error(GoKind kind, JsonNode value) => kind switch
    {
        GoKind.IntOrString => IntOrString(value),
        GoKind.Quantity => Quantity(value),
        GoKind.Time => Time(value),
        _ => null,
    };

    /// <summary>An int32 from a JSON number, as encoding/json decodes one (the literal must parse as an integer in range).</summary>
    public static bool FitsInt32(JsonNode number) =>
        long.TryParse(Unstructured.NumberText(number), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= int.MinValue and <= int.MaxValue;

    /// <summary>base64.StdEncoding's CorruptInputError: "illegal base64 data at input byte 4"; null for valid base64.</summary>
    public static string? Base64(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = 0;
        while (at < bytes.Length)
        {
            if (Quantum(bytes, ref at) is { } corrupt)
            {
                return $"illegal base64 data at input byte {corrupt}";
            }
        }

        return null;
    }

    private static string? IntOrString(JsonNode value) => value switch
    {
        JsonValue when value.GetValueKind() == JsonValueKind.String => null,
        JsonValue when value.GetValueKind() == JsonValueKind.Number =>
            FitsInt32(value) ? null : $"json: cannot unmarshal number {Unstructured.NumberText(value)} into Go value of type int32",
        _ => $"json: cannot unmarshal {Unstructured.JsonKind(value)} into Go value of type int32",
    };

    private static string? Quantity(JsonNode value)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : Unstructured.GoJson(value);
        return Semantics.Quantity.ParseError(text.Trim());
    }

    private static string? Time(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? null : $"json: cannot unmarshal {Unstructured.JsonKind(value)} into Go value of type string";

    /// <summary>Go's decodeQuantum for padded standard base64: reads one 4-character quantum, newlines skipped.</summary>
    private static int? Quantum(byte[] src, ref int si)
    {
        for (var j = 0; j < 4; j++)
        {
            if (si == src.Length)
            {
                return j == 0 ? null : si - j;
            }

            var c = src[si++];
            if (c is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/')
            {
                continue;
            }

            if (c is (byte)'\n' or (byte)'\r')
            {
                j--;
                continue;
            }

            return c == '=' ? Padding(src, ref si, j) : si - 1;
        }

        return null;
    }

    private static int? Padding(byte[] src, ref int si, int j)
    {
        if (j < 2)
        {
            return si - 1;
        }

        if (j == 2)
        {
            SkipNewlines(src, ref si);
            if (si == src.Length)
            {
                return src.Length;
            }

            if (src[si] != '=')
            {
                return si - 1;
            }

            si++;
        }

        SkipNewlines(src, ref si);
        return si < src.Length ? si : null;
    }

    private static void SkipNewlines(byte[] src, ref int si)
    {
        while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
        {
            si++;
        }
    }
}
