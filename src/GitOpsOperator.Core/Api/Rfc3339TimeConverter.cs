using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Writes times as Kubernetes does ("2026-11-27T09:30:46Z", UTC, whole seconds); reads any RFC 3339 time.</summary>
public sealed class Rfc3339TimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
