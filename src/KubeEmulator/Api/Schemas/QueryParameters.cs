using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// The parameters the real spec declares per operation. kubectl looks for "fieldValidation" on a kind's PATCH
/// to decide that the server validates unknown fields itself (QueryParamVerifierV3).
/// </summary>
public static class QueryParameters
{
    private static readonly (string Name, string Type, string Description)[] Write =
    [
        ("dryRun", "string", "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed"),
        ("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is making these changes."),
        ("fieldValidation", "string", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict"),
    ];

    private static readonly (string Name, string Type, string Description)[] Force =
    [
        ("force", "boolean", "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people."),
    ];

    private static readonly (string Name, string Type, string Description)[] Delete =
    [
        ("dryRun", "string", "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed"),
        ("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted."),
        ("propagationPolicy", "string", "Whether and how garbage collection will be performed: Orphan, Background or Foreground."),
    ];

    private static readonly (string Name, string Type, string Description)[] List =
    [
        ("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\"."),
        ("continue", "string", "The continue option should be set when retrieving more results from the server."),
        ("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields."),
        ("labelSelector", "string", "A selector to restrict the list of returned objects by their labels."),
        ("limit", "integer", "limit is a maximum number of responses to return for a list call."),
        ("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        ("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to list calls."),
        ("timeoutSeconds", "integer", "Timeout for the list/watch call."),
        ("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications."),
    ];

    public static JsonArray ForCreateOrReplace(OpenApiFlavor flavor) => Build(flavor, Write);

    public static JsonArray ForPatch(OpenApiFlavor flavor) => Build(flavor, [.. Write, .. Force]);

    public static JsonArray ForDelete(OpenApiFlavor flavor) => Build(flavor, Delete);

    public static JsonArray ForList(OpenApiFlavor flavor) => Build(flavor, List);

    /// <summary>The path parameters (name, namespace) and pretty, declared once per path.</summary>
    public static JsonArray ForPath(OpenApiFlavor flavor, bool hasName, bool namespaced)
    {
        var parameters = new JsonArray();
        if (hasName)
        {
            parameters.Add(PathParameter(flavor, "name", "name of the resource"));
        }

        if (namespaced)
        {
            parameters.Add(PathParameter(flavor, "namespace", "object name and auth scope, such as for teams and projects"));
        }

        parameters.Add(Parameter(flavor, "pretty", "string", "If 'true', then the output is pretty printed."));
        return parameters;
    }

    private static JsonArray Build(OpenApiFlavor flavor, IEnumerable<(string Name, string Type, string Description)> parameters) =>
        new([.. parameters.Select(p => (JsonNode)Parameter(flavor, p.Name, p.Type, p.Description))]);

    private static JsonObject Parameter(OpenApiFlavor flavor, string name, string type, string description)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["description"] = description };
        AddType(flavor, parameter, type);
        return parameter;
    }

    private static JsonObject PathParameter(OpenApiFlavor flavor, string name, string description)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "path", ["description"] = description, ["required"] = true };
        AddType(flavor, parameter, "string");
        return parameter;
    }

    private static void AddType(OpenApiFlavor flavor, JsonObject parameter, string type)
    {
        if (flavor == OpenApiFlavor.V3)
        {
            parameter["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true };
        }
        else
        {
            parameter["type"] = type;
            parameter["uniqueItems"] = true;
        }
    }
}
