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
            if (type is { CreateOnly: true, ModelType: { } review })
            {
                var reviewKind = generator.Add(review);
                generator.MarkKind(reviewKind, type.Group, type.Version, type.Kind);
                new ResourcePaths(flavor, type, reviewKind, null).AddTo(paths);
                continue;
            }

            var (kind, list) = type.ModelType is { } model
                ? AddBuiltIn(generator, model)
                : CustomResourceSchema.AddTo(generator, flavor, type, customSchemas.GetValueOrDefault(type));
            generator.MarkKind(kind, type.Group, type.Version, type.Kind);
            generator.MarkKind(list, type.Group, type.Version, type.ListKind);
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

    private static (string Kind, string List) AddBuiltIn(ModelSchemaGenerator generator, Type model)
    {
        var kind = generator.Add(model);
        var listType = ModelTypes.ListTypeOf(model) ?? throw new InvalidOperationException($"The client has no list type for {model.Name}.");
        return (kind, generator.Add(listType));
    }
}
