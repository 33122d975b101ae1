using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// Definitions for model types and every model type they reach, named as the real spec names them, with
/// primitive mappings as the real spec has them (IntOrString, Quantity, Time as shared definitions; byte[] as
/// format byte) and the patch metadata kubectl merges by.
/// </summary>
public sealed class ModelSchemaGenerator(OpenApiFlavor flavor)
{
    private readonly SortedDictionary<string, JsonObject> definitions = new(StringComparer.Ordinal);
    private readonly HashSet<Type> visited = [];

    /// <summary>The definitions generated so far, by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Definitions => definitions;

    /// <summary>Adds the definition of a model type (and what it reaches) and returns its name.</summary>
    public string Add(Type model)
    {
        var name = DefinitionNames.Of(model);
        if (!visited.Add(model))
        {
            return name;
        }

        var properties = new JsonObject();
        definitions[name] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        foreach (var (jsonName, type) in ModelTypes.Properties(model))
        {
            properties[jsonName] = PropertySchema(type, PatchMetadata.For(shortName, jsonName));
        }

        return name;
    }

    /// <summary>Adds a definition built elsewhere (a custom resource's schema, the Patch body).</summary>
    public void AddDefinition(string name, JsonObject schema) => definitions[name] = schema;

    /// <summary>Marks a definition as the schema of a group-version-kind (x-kubernetes-group-version-kind).</summary>
    public void MarkKind(string name, string group, string version, string kind)
    {
        var schema = definitions[name];
        if (schema["x-kubernetes-group-version-kind"] is not JsonArray kinds)
        {
            kinds = [];
            schema["x-kubernetes-group-version-kind"] = kinds;
        }

        kinds.Add(new JsonObject { ["group"] = group, ["kind"] = kind, ["version"] = version });
    }

    private JsonObject PropertySchema(Type type, JsonObject? extensions)
    {
        var schema = Schema(Nullable.GetUnderlyingType(type) ?? type, extensions);
        if (extensions is not null && schema["$ref"] is null && schema["allOf"] is null)
        {
            foreach (var (key, value) in extensions)
            {
                schema[key] = value?.DeepClone();
            }
        }

        return schema;
    }

    private JsonObject Schema(Type type, JsonObject? extensions)
    {
        if (ModelTypes.ElementOf(type, out var isMap) is { } element)
        {
            var inner = Schema(Nullable.GetUnderlyingType(element) ?? element, null);
            return isMap
                ? new JsonObject { ["type"] = "object", ["additionalProperties"] = inner }
                : new JsonObject { ["type"] = "array", ["items"] = inner };
        }

        if (ModelTypes.IsModel(type))
        {
            var name = Add(type);
            return extensions is null ? flavor.Ref(name) : flavor.RefWith(name, extensions);
        }

        return Primitive(type);
    }

    private JsonObject Primitive(Type type)
    {
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = type == typeof(int) ? "int32" : "int64" };
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return new JsonObject { ["type"] = "number", ["format"] = "double" };
        }

        if (type == typeof(byte[]))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "byte" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return Shared(DefinitionNames.Time, "string", "date-time");
        }

        if (type == typeof(IntOrString))
        {
            return Shared(DefinitionNames.IntOrString, "string", "int-or-string");
        }

        if (type == typeof(ResourceQuantity))
        {
            return Shared(DefinitionNames.Quantity, "string", null);
        }

        // Free-form JSON (RawExtension, a JSON schema's default or example): any value.
        return new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
    }

    private JsonObject Shared(string name, string type, string? format)
    {
        if (!definitions.ContainsKey(name))
        {
            var schema = new JsonObject { ["type"] = type };
            if (format is not null)
            {
                schema["format"] = format;
            }

            definitions[name] = schema;
        }

        return flavor.Ref(name);
    }
}
