using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// Encodes a Swagger 2.0 JSON document as the gnostic openapi_v2.Document protobuf that kubectl (before 1.29 for
/// validation, and every version for its v2 fallbacks) reads from /openapi/v2. Field numbers are those of
/// gnostic's OpenAPIv2.proto; extension values travel as YAML, for which JSON text is valid.
/// </summary>
public static class OpenApiV2Protobuf
{
    /// <summary>The Content-Type the real server answers with (kubectl asks with "…spec.v2@v1.0+protobuf", which Go cannot parse back).</summary>
    public const string ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch"];

    public static byte[] Encode(JsonObject document)
    {
        var writer = new ProtobufWriter();
        writer.String(1, (string?)document["swagger"]);
        if (document["info"] is JsonObject info)
        {
            writer.Message(2, w =>
            {
                w.String(1, (string?)info["title"]);
                w.String(2, (string?)info["version"]);
            });
        }

        writer.Message(8, paths =>
        {
            foreach (var (name, item) in document["paths"] as JsonObject ?? [])
            {
                paths.Message(2, named => Named(named, name, w => PathItem(w, item!.AsObject())));
            }
        });
        writer.Message(9, definitions =>
        {
            foreach (var (name, schema) in document["definitions"] as JsonObject ?? [])
            {
                definitions.Message(1, named => Named(named, name, w => Schema(w, schema!.AsObject())));
            }
        });
        return writer.ToArray();
    }

    private static void Named(ProtobufWriter writer, string name, Action<ProtobufWriter> value)
    {
        writer.String(1, name);
        writer.Message(2, value);
    }

    private static void PathItem(ProtobufWriter writer, JsonObject item)
    {
        for (var i = 0; i < Methods.Length; i++)
        {
            if (item[Methods[i]] is JsonObject operation)
            {
                writer.Message(i + 2, w => Operation(w, operation));
            }
        }

        Parameters(writer, 9, item["parameters"]);
        Extensions(writer, 10, item);
    }

    private static void Operation(ProtobufWriter writer, JsonObject operation)
    {
        Strings(writer, 1, operation["tags"]);
        writer.String(3, (string?)operation["description"]);
        writer.String(5, (string?)operation["operationId"]);
        Strings(writer, 6, operation["produces"]);
        Strings(writer, 7, operation["consumes"]);
        Parameters(writer, 8, operation["parameters"]);
        if (operation["responses"] is JsonObject responses)
        {
            writer.Message(9, w =>
            {
                foreach (var (code, response) in responses)
                {
                    w.Message(1, named => Named(named, code, value => value.Message(1, r => Response(r, response!.AsObject()))));
                }
            });
        }

        Extensions(writer, 13, operation);
    }

    private static void Response(ProtobufWriter writer, JsonObject response)
    {
        writer.String(1, (string?)response["description"]);
        if (response["schema"] is JsonObject schema)
        {
            writer.Message(2, item => item.Message(1, w => Schema(w, schema)));
        }
    }

    private static void Parameters(ProtobufWriter writer, int field, JsonNode? parameters)
    {
        foreach (var parameter in (parameters as JsonArray ?? []).OfType<JsonObject>())
        {
            writer.Message(field, item => item.Message(1, w => Parameter(w, parameter)));
        }
    }

    private static void Parameter(ProtobufWriter writer, JsonObject parameter)
    {
        var location = (string?)parameter["in"];
        if (location == "body")
        {
            writer.Message(1, body =>
            {
                body.String(1, (string?)parameter["description"]);
                body.String(2, (string?)parameter["name"]);
                body.String(3, location);
                body.Bool(4, Flag(parameter["required"]));
                if (parameter["schema"] is JsonObject schema)
                {
                    body.Message(5, w => Schema(w, schema));
                }
            });
            return;
        }

        // Query and path sub-schemas share their first fields; type and uniqueItems sit one number apart.
        var (oneofField, typeField, uniqueField) = location == "path" ? (4, 5, 19) : (3, 6, 20);
        writer.Message(2, nonBody => nonBody.Message(oneofField, w =>
        {
            w.Bool(1, Flag(parameter["required"]));
            w.String(2, location);
            w.String(3, (string?)parameter["description"]);
            w.String(4, (string?)parameter["name"]);
            w.String(typeField, (string?)parameter["type"]);
            w.Bool(uniqueField, Flag(parameter["uniqueItems"]));
        }));
    }

    private static void Schema(ProtobufWriter writer, JsonObject schema)
    {
        writer.String(1, (string?)schema["$ref"]);
        writer.String(2, Text(schema["format"]));
        writer.String(3, Text(schema["title"]));
        writer.String(4, Text(schema["description"]));
        Any(writer, 5, schema["default"]);
        writer.Double(6, Number(schema["multipleOf"]));
        writer.Double(7, Number(schema["maximum"]));
        writer.Bool(8, Flag(schema["exclusiveMaximum"]));
        writer.Double(9, Number(schema["minimum"]));
        writer.Bool(10, Flag(schema["exclusiveMinimum"]));
        writer.Int64(11, (long)Number(schema["maxLength"]));
        writer.Int64(12, (long)Number(schema["minLength"]));
        writer.String(13, Text(schema["pattern"]));
        writer.Int64(14, (long)Number(schema["maxItems"]));
        writer.Int64(15, (long)Number(schema["minItems"]));
        writer.Bool(16, Flag(schema["uniqueItems"]));
        writer.Int64(17, (long)Number(schema["maxProperties"]));
        writer.Int64(18, (long)Number(schema["minProperties"]));
        Strings(writer, 19, schema["required"]);
        foreach (var value in schema["enum"] as JsonArray ?? [])
        {
            writer.Message(20, any => any.String(2, value?.ToJsonString() ?? "null"));
        }

        switch (schema["additionalProperties"])
        {
            case JsonObject additional:
                writer.Message(21, w => w.Message(1, s => Schema(s, additional)));
                break;
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                writer.Message(21, w => w.Bool(2, flag.GetValue<bool>()));
                break;
        }

        if (schema["type"] is JsonValue type)
        {
            writer.Message(22, w => w.String(1, Text(type)));
        }

        if (schema["items"] is JsonObject items)
        {
            writer.Message(23, w => w.Message(1, s => Schema(s, items)));
        }

        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            writer.Message(24, w => Schema(w, part));
        }

        if (schema["properties"] is JsonObject properties)
        {
            writer.Message(25, w =>
            {
                foreach (var (name, property) in properties)
                {
                    w.Message(1, named => Named(named, name, s => Schema(s, property as JsonObject ?? [])));
                }
            });
        }

        Any(writer, 30, schema["example"]);
        Extensions(writer, 31, schema);
    }

    private static void Extensions(ProtobufWriter writer, int field, JsonObject owner)
    {
        foreach (var (name, value) in owner.Where(p => p.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            writer.Message(field, named => Named(named, name, any => any.String(2, value?.ToJsonString() ?? "null")));
        }
    }

    private static void Any(ProtobufWriter writer, int field, JsonNode? value)
    {
        if (value is not null)
        {
            writer.Message(field, any => any.String(2, value.ToJsonString()));
        }
    }

    private static void Strings(ProtobufWriter writer, int field, JsonNode? values)
    {
        foreach (var value in (values as JsonArray ?? []).Select(Text))
        {
            writer.String(field, value);
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static double Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : 0;
}
