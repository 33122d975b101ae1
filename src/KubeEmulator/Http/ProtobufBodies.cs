using System.Text.Json.Nodes;
using KubeEmulator.Errors;

namespace KubeEmulator.Http;

/// <summary>
/// The protobuf bodies client-go's typed clients send (kubectl create …, kubectl run, helm's release Secrets and
/// their deletes): "k8s\0" + runtime.Unknown wrapping the object, read into JSON by the message descriptors of
/// <see cref="ProtobufMessages"/>. Kinds without a descriptor get 415.
/// </summary>
internal static class ProtobufBodies
{
    private static readonly byte[] Magic = [0x6B, 0x38, 0x73, 0x00];

    public static JsonObject Read(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiException.BadRequest("the protobuf body lacks the k8s envelope");
        }

        string? apiVersion = null, kind = null;
        var raw = ReadOnlySpan<byte>.Empty;
        var reader = new ProtobufReader(body[Magic.Length..]);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    (apiVersion, kind) = TypeMeta(reader.ReadBytes());
                    break;
                case (2, 2):
                    raw = reader.ReadBytes();
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        var message = ProtobufMessages.TopLevel(apiVersion, kind) ?? throw Unsupported();
        var obj = Message(message, raw);
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        return obj;
    }

    public static ApiException Unsupported() => new(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml");

    private static (string?, string?) TypeMeta(ReadOnlySpan<byte> data)
    {
        string? apiVersion = null, kind = null;
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    apiVersion = reader.ReadString();
                    break;
                case (2, 2):
                    kind = reader.ReadString();
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        return (apiVersion, kind);
    }

    /// <summary>
    /// Reads one message by its descriptor. Go's generated marshallers write every non-pointer field, so zero
    /// values (empty strings, 0, false, empty messages) are dropped unless the field is a pointer (KeepZero).
    /// </summary>
    private static JsonObject Message(string name, ReadOnlySpan<byte> data)
    {
        var fields = ProtobufMessages.Fields(name);
        var obj = new JsonObject();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (!fields.TryGetValue(number, out var field) || wireType != WireType(field))
            {
                reader.Skip(wireType);
                continue;
            }

            if (field.Map)
            {
                AddEntry(obj, field, reader.ReadBytes());
                continue;
            }

            var value = Value(field, ref reader);
            if (field.Repeated)
            {
                if (obj[field.Json] is not JsonArray items)
                {
                    items = [];
                    obj[field.Json] = items;
                }

                items.Add(value);
            }
            else if (field.KeepZero || !IsZero(value))
            {
                obj[field.Json] = value;
            }
        }

        return obj;
    }

    private static int WireType(ProtoField field) =>
        field.Map || field.Kind is not (ProtoKind.Int or ProtoKind.Bool) ? 2 : 0;

    private static JsonNode? Value(ProtoField field, ref ProtobufReader reader) => field.Kind switch
    {
        ProtoKind.String => reader.ReadString(),
        ProtoKind.Int => (long)reader.ReadVarint(),
        ProtoKind.Bool => reader.ReadVarint() != 0,
        ProtoKind.Bytes => Convert.ToBase64String(reader.ReadBytes()),
        ProtoKind.Message => Message(field.Ref!, reader.ReadBytes()),
        ProtoKind.IntOrString => IntOrString(reader.ReadBytes()),
        ProtoKind.Quantity => Message("Quantity", reader.ReadBytes())["string"]?.DeepClone() ?? "0",
        _ => throw new InvalidOperationException($"protobuf field kind {field.Kind} has no reader"),
    };

    private static bool IsZero(JsonNode? value) => value switch
    {
        JsonObject o => o.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<long>(out var n) => n == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        _ => value is null,
    };

    /// <summary>util/intstr.IntOrString: type 1 (0 int, 1 string), intVal 2, strVal 3; JSON is a number or a string.</summary>
    private static JsonNode IntOrString(ReadOnlySpan<byte> data)
    {
        var isString = false;
        long number = 0;
        var text = "";
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 0):
                    isString = reader.ReadVarint() == 1;
                    break;
                case (2, 0):
                    number = (int)reader.ReadVarint();
                    break;
                case (3, 2):
                    text = reader.ReadString();
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        return isString ? JsonValue.Create(text) : JsonValue.Create(number);
    }

    /// <summary>Adds one map entry (key field 1, value field 2, read as the field's kind) to the field's map.</summary>
    private static void AddEntry(JsonObject owner, ProtoField field, ReadOnlySpan<byte> entry)
    {
        var key = "";
        JsonNode? value = field.Kind == ProtoKind.Quantity ? "0" : "";
        var reader = new ProtobufReader(entry);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    key = reader.ReadString();
                    break;
                case (2, 2):
                    value = Value(field, ref reader);
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        if (owner[field.Json] is not JsonObject values)
        {
            values = [];
            owner[field.Json] = values;
        }

        values[key] = value;
    }
}
