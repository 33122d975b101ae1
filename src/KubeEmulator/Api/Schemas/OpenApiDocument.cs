using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeEmulator.Api.Schemas;

/// <summary>Builds one OpenAPI document (a v3 group-version document, or the whole v2 spec) over a set of served types.</summary>
public static class OpenApiDocument
{
    public static JsonObject Build(OpenApiFlavor flavor, IEnumerable<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        var generator = new ModelSchemaGenerator(flavor);
        var paths = new JsonObject();
        foreach (var type in types)
        {
            var (kind, list) = type.ModelType is not null
                ? AddBuiltIn(generator, type)
                : CustomResourceSchema.AddTo(generator, flavor, type, customSchemas.GetValueOrDefault(type));
            generator.MarkKind(kind, type.Group, type.Version, type.Kind);
            if (list is not null)
            {
                generator.MarkKind(list, type.Group, type.Version, type.ListKind);
            }

            new ResourcePaths(flavor, type, kind, list).AddTo(paths);
        }

        generator.Add(typeof(V1DeleteOptions));
        generator.Add(typeof(V1Status));
        generator.AddDefinition(DefinitionNames.Patch, new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
        });

        var definitions = new JsonObject();
        foreach (var (name, schema) in generator.Definitions)
        {
            definitions[name] = schema;
        }

        var info = new JsonObject { ["title"] = "Kubernetes", ["version"] = Discovery.GitVersion };
        return flavor == OpenApiFlavor.V3
            ? new JsonObject { ["openapi"] = "3.0.0", ["info"] = info, ["paths"] = paths, ["components"] = new JsonObject { ["schemas"] = definitions } }
            : new JsonObject { ["swagger"] = "2.0", ["info"] = info, ["paths"] = paths, ["definitions"] = definitions };
    }

    /// <summary>The kind's definition and its list's; create-only kinds (the access reviews) have no list.</summary>
    private static (string Kind, string? List) AddBuiltIn(ModelSchemaGenerator generator, ResourceType type)
    {
        var kind = generator.Add(type.ModelType!);
        if (type.IsCreateOnly)
        {
            return (kind, null);
        }

        var listType = ModelTypes.ListTypeOf(type.ModelType!) ?? throw new InvalidOperationException($"The client has no list type for {type.ModelType!.Name}.");
        return (kind, generator.Add(listType));
    }
}
