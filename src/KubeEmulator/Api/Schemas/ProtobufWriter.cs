using System.Text;

namespace KubeEmulator.Api.Schemas;

/// <summary>The few protobuf wire-format writes a gnostic OpenAPI v2 document needs: varints, strings, doubles and nested messages.</summary>
public sealed class ProtobufWriter
{
    private const int VarintWire = 0;
    private const int Fixed64Wire = 1;
    private const int LengthDelimitedWire = 2;

    private readonly MemoryStream buffer = new();

    public byte[] ToArray() => buffer.ToArray();

    public void String(int field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Bytes(field, Encoding.UTF8.GetBytes(value));
    }

    public void Bool(int field, bool value)
    {
        if (value)
        {
            Tag(field, VarintWire);
            Varint(1);
        }
    }

    public void Int64(int field, long value)
    {
        if (value != 0)
        {
            Tag(field, VarintWire);
            Varint(unchecked((ulong)value));
        }
    }

    public void Double(int field, double value)
    {
        if (value != 0)
        {
            Tag(field, Fixed64Wire);
            Span<byte> bytes = stackalloc byte[8];
            BitConverter.TryWriteBytes(bytes, value);
            if (!BitConverter.IsLittleEndian)
            {
                bytes.Reverse();
            }

            buffer.Write(bytes);
        }
    }

    /// <summary>A nested message, written even when empty (its presence can matter, as for a oneof).</summary>
    public void Message(int field, Action<ProtobufWriter> write)
    {
        var nested = new ProtobufWriter();
        write(nested);
        Bytes(field, nested.ToArray());
    }

    private void Bytes(int field, byte[] bytes)
    {
        Tag(field, LengthDelimitedWire);
        Varint((ulong)bytes.Length);
        buffer.Write(bytes);
    }

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }
}
