using System.Text;
using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Http;

namespace KubeEmulator.Tests;

/// <summary>The descriptor-driven protobuf reader, on bodies written by hand in the wire format Go's marshallers use.</summary>
public sealed class ProtobufBodiesTests
{
    [Fact]
    public void Deployment_keeps_a_zero_replicas_pointer_and_drops_zero_values_of_plain_fields_and_unknown_fields()
    {
        var spec = Concat(Varint(1, 0), Varint(5, 0), Bytes(99, Text("ignored")),
            Bytes(3, Bytes(2, Bytes(2, Concat(Bytes(1, Text("app")), Bytes(2, Text("nginx")), Bytes(5, Text("")))))));

        var deployment = Read("apps/v1", "Deployment", Concat(Bytes(1, Bytes(1, Text("web"))), Bytes(2, spec)));

        Assert.Equal("Deployment", (string?)deployment["kind"]);
        Assert.Equal("web", (string?)deployment["metadata"]!["name"]);
        Assert.Equal(0L, (long)deployment["spec"]!["replicas"]!);
        Assert.False(deployment["spec"]!.AsObject().ContainsKey("minReadySeconds"));
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        Assert.Equal("nginx", (string?)container["image"]);
        Assert.False(container.ContainsKey("workingDir"));
    }

    [Fact]
    public void Service_ports_read_int_or_string_target_ports()
    {
        var named = Concat(Varint(3, 443), Bytes(4, Concat(Varint(1, 1), Bytes(3, Text("https")))));
        var numbered = Concat(Varint(3, 80), Bytes(4, Concat(Varint(1, 0), Varint(2, 8080))));

        var service = Read("v1", "Service", Bytes(2, Concat(Bytes(1, named), Bytes(1, numbered))));

        var ports = service["spec"]!["ports"]!.AsArray();
        Assert.Equal("https", (string?)ports[0]!["targetPort"]);
        Assert.Equal(8080L, (long)ports[1]!["targetPort"]!);
    }

    [Fact]
    public void Container_resources_read_quantity_maps_as_strings()
    {
        var limits = Bytes(1, Concat(Bytes(1, Text("cpu")), Bytes(2, Bytes(1, Text("500m")))));
        var pod = Read("v1", "Pod", Bytes(2, Bytes(2, Bytes(8, limits))));

        Assert.Equal("500m", (string?)pod["spec"]!["containers"]![0]!["resources"]!["limits"]!["cpu"]);
    }

    [Fact]
    public void A_kind_without_a_descriptor_is_an_unsupported_media_type()
    {
        var error = Assert.Throws<ApiException>(() => Read("apps/v1", "StatefulSet", Bytes(1, Bytes(1, Text("db")))));

        Assert.Equal(415, error.Code);
    }

    private static JsonObject Read(string apiVersion, string kind, byte[] raw)
    {
        var typeMeta = Concat(Bytes(1, Text(apiVersion)), Bytes(2, Text(kind)));
        return ProtobufBodies.Read(Concat([0x6B, 0x38, 0x73, 0x00], Bytes(1, typeMeta), Bytes(2, raw)));
    }

    private static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    private static byte[] Bytes(int field, byte[] payload) => Concat(Number((ulong)(field << 3 | 2)), Number((ulong)payload.Length), payload);

    private static byte[] Varint(int field, ulong value) => Concat(Number((ulong)(field << 3)), Number(value));

    private static byte[] Number(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(part => part)];
}
