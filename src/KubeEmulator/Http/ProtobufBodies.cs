using System.Text.Json.Nodes;
using KubeEmulator.Errors;

namespace KubeEmulator.Http;

/// <summary>
/// The protobuf bodies client-go's typed clients send (kubectl create namespace|configmap|secret, helm's release
/// Secrets and their deletes): "k8s\0" + runtime.Unknown wrapping the object, read into JSON. Other kinds get 415.
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

        var obj = (apiVersion, kind) switch
        {
            ("v1", "Namespace") => Namespace(raw),
            ("v1", "ConfigMap") => ConfigMap(raw),
            ("v1", "Secret") => Secret(raw),
            (_, "DeleteOptions") => DeleteOptions(raw),
            _ => throw Unsupported(),
        };
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

    private static JsonObject Namespace(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        return obj;
    }

    private static JsonObject ConfigMap(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case (2, 2):
                    AddEntry(obj, "data", reader.ReadBytes(), base64: false);
                    break;
                case (3, 2):
                    AddEntry(obj, "binaryData", reader.ReadBytes(), base64: true);
                    break;
                case (4, 0):
                    obj["immutable"] = reader.ReadVarint() != 0;
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        return obj;
    }

    private static JsonObject Secret(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    obj["metadata"] = ObjectMeta(reader.ReadBytes());
                    break;
                case (2, 2):
                    AddEntry(obj, "data", reader.ReadBytes(), base64: true);
                    break;
                case (3, 2):
                    obj["type"] = reader.ReadString();
                    break;
                case (4, 2):
                    AddEntry(obj, "stringData", reader.ReadBytes(), base64: false);
                    break;
                case (5, 0):
                    obj["immutable"] = reader.ReadVarint() != 0;
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        return obj;
    }

    private static JsonObject DeleteOptions(ReadOnlySpan<byte> data)
    {
        var obj = new JsonObject();
        var dryRun = new JsonArray();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (4, 2):
                    obj["propagationPolicy"] = reader.ReadString();
                    break;
                case (5, 2):
                    dryRun.Add(reader.ReadString());
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        if (dryRun.Count > 0)
        {
            obj["dryRun"] = dryRun;
        }

        return obj;
    }

    private static JsonObject ObjectMeta(ReadOnlySpan<byte> data)
    {
        var metadata = new JsonObject();
        var reader = new ProtobufReader(data);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    metadata["name"] = reader.ReadString();
                    break;
                case (2, 2):
                    metadata["generateName"] = reader.ReadString();
                    break;
                case (3, 2):
                    metadata["namespace"] = reader.ReadString();
                    break;
                case (5, 2):
                    metadata["uid"] = reader.ReadString();
                    break;
                case (6, 2):
                    metadata["resourceVersion"] = reader.ReadString();
                    break;
                case (11, 2):
                    AddEntry(metadata, "labels", reader.ReadBytes(), base64: false);
                    break;
                case (12, 2):
                    AddEntry(metadata, "annotations", reader.ReadBytes(), base64: false);
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        return metadata;
    }

    /// <summary>Adds one map entry (key field 1, value field 2) to the named map of the object.</summary>
    private static void AddEntry(JsonObject owner, string map, ReadOnlySpan<byte> entry, bool base64)
    {
        string key = "", value = "";
        var reader = new ProtobufReader(entry);
        while (!reader.AtEnd)
        {
            switch (reader.ReadTag())
            {
                case (1, 2):
                    key = reader.ReadString();
                    break;
                case (2, 2):
                    value = base64 ? Convert.ToBase64String(reader.ReadBytes()) : reader.ReadString();
                    break;
                case var (_, wireType):
                    reader.Skip(wireType);
                    break;
            }
        }

        if (owner[map] is not JsonObject values)
        {
            values = [];
            owner[map] = values;
        }

        values[key] = value;
    }
}
