using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// A custom resource's published definition: the CRD version's openAPIV3Schema with apiVersion, kind and a
/// metadata that refers to ObjectMeta (as the real server publishes it), plus its List definition.
/// </summary>
public static class CustomResourceSchema
{
    /// <summary>Adds the kind's and its list's definitions; returns their names.</summary>
    public static (string Kind, string List) AddTo(ModelSchemaGenerator generator, OpenApiFlavor flavor, ResourceType type, JsonObject? openApiV3Schema)
    {
        var objectMeta = generator.Add(typeof(V1ObjectMeta));
        var listMeta = generator.Add(typeof(V1ListMeta));
        var schema = openApiV3Schema?.DeepClone() as JsonObject ?? new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        schema["type"] = "object";
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        properties["apiVersion"] = new JsonObject { ["type"] = "string" };
        properties["kind"] = new JsonObject { ["type"] = "string" };
        properties["metadata"] = flavor.Ref(objectMeta);

        var kindName = DefinitionNames.OfCustom(type.Group, type.Version, type.Kind);
        var listName = DefinitionNames.OfCustom(type.Group, type.Version, type.ListKind);
        generator.AddDefinition(kindName, schema);
        generator.AddDefinition(listName, new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("items"),
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["type"] = "string" },
                ["items"] = new JsonObject { ["type"] = "array", ["items"] = flavor.Ref(kindName) },
                ["kind"] = new JsonObject { ["type"] = "string" },
                ["metadata"] = flavor.Ref(listMeta),
            },
        });
        return (kindName, listName);
    }
}
