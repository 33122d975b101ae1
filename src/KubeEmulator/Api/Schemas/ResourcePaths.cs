using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// The paths of one resource as the real spec lists them: the collection (list, create, deletecollection), the
/// item (read, replace, patch, delete), /status when served, and the all-namespaces list of a namespaced kind; a
/// create-only resource (no <paramref name="listDefinition"/>) has its create alone.
/// </summary>
public sealed class ResourcePaths(OpenApiFlavor flavor, ResourceType type, string kindDefinition, string? listDefinition)
{
    private static readonly string[] JsonAndYaml = ["application/json", "application/yaml"];

    private static readonly string[] BuiltInPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    /// <summary>Custom resources take no strategic merge patch, so their PATCH does not offer it.</summary>
    private static readonly string[] CustomPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    public void AddTo(JsonObject paths)
    {
        var root = type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}";
        var scope = type.Namespaced ? "/namespaces/{namespace}" : "";
        var collection = $"{root}{scope}/{type.Plural}";
        var qualifier = type.Namespaced ? "Namespaced" : "";
        var create = ("post", Operation("post", $"create{OperationGroup()}{qualifier}{type.Kind}", kindDefinition, QueryParameters.ForCreateOrReplace(flavor), kindDefinition));
        if (type.IsCreateOnly)
        {
            paths[collection] = PathItem(hasName: false, type.Namespaced, create);
            return;
        }

        var list = listDefinition ?? throw new InvalidOperationException($"{type.Kind} has no list definition.");
        paths[collection] = PathItem(hasName: false, type.Namespaced,
            ("get", Operation("list", $"list{OperationGroup()}{qualifier}{type.Kind}", null, QueryParameters.ForList(flavor), list)),
            create,
            ("delete", Operation("deletecollection", $"deletecollection{OperationGroup()}{qualifier}{type.Kind}", DefinitionNames.MetaPackage + ".DeleteOptions", QueryParameters.ForDelete(flavor), DefinitionNames.MetaPackage + ".Status")));

        paths[collection + "/{name}"] = ItemPath($"{qualifier}{type.Kind}", withDelete: true);
        if (type.HasStatus)
        {
            paths[collection + "/{name}/status"] = ItemPath($"{qualifier}{type.Kind}Status", withDelete: false);
        }

        if (type.Namespaced)
        {
            paths[$"{root}/{type.Plural}"] = PathItem(hasName: false, namespaced: false,
                ("get", Operation("list", $"list{OperationGroup()}{type.Kind}ForAllNamespaces", null, QueryParameters.ForList(flavor), list)));
        }
    }

    private JsonObject ItemPath(string subject, bool withDelete)
    {
        var operations = new List<(string, JsonObject)>
        {
            ("get", Operation("get", $"read{OperationGroup()}{subject}", null, [], kindDefinition)),
            ("put", Operation("put", $"replace{OperationGroup()}{subject}", kindDefinition, QueryParameters.ForCreateOrReplace(flavor), kindDefinition)),
            ("patch", Operation("patch", $"patch{OperationGroup()}{subject}", DefinitionNames.Patch, QueryParameters.ForPatch(flavor), kindDefinition)),
        };
        if (withDelete)
        {
            operations.Add(("delete", Operation("delete", $"delete{OperationGroup()}{subject}", DefinitionNames.MetaPackage + ".DeleteOptions", QueryParameters.ForDelete(flavor), DefinitionNames.MetaPackage + ".Status")));
        }

        return PathItem(hasName: true, type.Namespaced, [.. operations]);
    }

    private JsonObject PathItem(bool hasName, bool namespaced, params (string Method, JsonObject Operation)[] operations)
    {
        var item = new JsonObject();
        foreach (var (method, operation) in operations)
        {
            item[method] = operation;
        }

        item["parameters"] = QueryParameters.ForPath(flavor, hasName, namespaced);
        return item;
    }

    private JsonObject Operation(string action, string operationId, string? bodyDefinition, JsonArray parameters, string responseDefinition)
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(Tag()),
            ["operationId"] = operationId,
            ["parameters"] = parameters,
        };
        var requestTypes = action == "patch" ? (type.ModelType is null ? CustomPatchTypes : BuiltInPatchTypes) : ["*/*"];
        if (flavor == OpenApiFlavor.V3)
        {
            if (bodyDefinition is not null)
            {
                operation["requestBody"] = new JsonObject { ["content"] = Content(requestTypes, bodyDefinition), ["required"] = action is not ("delete" or "deletecollection") };
            }

            operation["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Content(JsonAndYaml, responseDefinition) },
                ["401"] = new JsonObject { ["description"] = "Unauthorized" },
            };
        }
        else
        {
            operation["consumes"] = new JsonArray([.. requestTypes.Select(t => (JsonNode?)JsonValue.Create(t))]);
            operation["produces"] = new JsonArray([.. JsonAndYaml.Select(t => (JsonNode?)JsonValue.Create(t))]);
            if (bodyDefinition is not null)
            {
                parameters.Insert(0, new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = action is not ("delete" or "deletecollection"), ["schema"] = flavor.Ref(bodyDefinition) });
            }

            operation["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["schema"] = flavor.Ref(responseDefinition) },
                ["401"] = new JsonObject { ["description"] = "Unauthorized" },
            };
        }

        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = type.Version };
        return operation;
    }

    private JsonObject Content(IEnumerable<string> mediaTypes, string definition)
    {
        var content = new JsonObject();
        foreach (var mediaType in mediaTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = flavor.Ref(definition) };
        }

        return content;
    }

    private string Tag() => (type.Group.Length == 0 ? "core" : type.Group.Replace(".k8s.io", "", StringComparison.Ordinal).Replace('.', '_')) + "_" + type.Version;

    /// <summary>"Core" + "V1", "Apps" + "V1", "RbacAuthorization" + "V1", as in the real operation ids.</summary>
    private string OperationGroup()
    {
        var group = type.Group.Length == 0 ? "core" : type.Group.Replace(".k8s.io", "", StringComparison.Ordinal);
        return string.Concat(group.Split('.', '-').Select(Capitalize)) + Capitalize(type.Version);
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
