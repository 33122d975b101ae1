using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>Swagger 2.0 (/openapi/v2) or OpenAPI 3.0 (/openapi/v3): where definitions live and how a reference with siblings is written.</summary>
public enum OpenApiFlavor
{
    V2,
    V3,
}

public static class OpenApiFlavorExtensions
{
    public static JsonObject Ref(this OpenApiFlavor flavor, string definitionName) => new()
    {
        ["$ref"] = (flavor == OpenApiFlavor.V2 ? "#/definitions/" : "#/components/schemas/") + definitionName,
    };

    /// <summary>
    /// A reference carrying extensions (patch strategy on a struct field): v3 wraps it in allOf as the real
    /// server does, v2 keeps the extensions beside $ref.
    /// </summary>
    public static JsonObject RefWith(this OpenApiFlavor flavor, string definitionName, JsonObject extensions)
    {
        var schema = flavor == OpenApiFlavor.V3
            ? new JsonObject { ["allOf"] = new JsonArray(flavor.Ref(definitionName)) }
            : flavor.Ref(definitionName);
        foreach (var (key, value) in extensions)
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }
}
