using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>Unknown-field detection for built-in kinds (fieldValidation=Strict|Warn), from the KubernetesClient model types.</summary>
public static class UnknownFields
{
    /// <summary>
    /// Paths of fields the kind does not define, named as the real server's strict decoder names them
    /// ("spec.replicasx", "spec.template.spec.containers[0].foo"); empty for a type without a model.
    /// </summary>
    public static IReadOnlyList<string> Find(ResourceType type, JsonObject obj)
    {
        var unknown = new List<string>();
        if (type.ModelType is { } model)
        {
            Walk(obj, model, "", unknown);
        }
        return unknown;
    }

    /// <summary>The 400 BadRequest message for fieldValidation=Strict: "Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"".</summary>
    public static string StrictErrorMessage(ResourceType type, IReadOnlyList<string> paths) =>
        $"{type.Kind} in version {GoValue.Quote(type.Version)} cannot be handled as a {type.Kind}: strict decoding error: "
        + string.Join(", ", paths.Select(WarningMessage));

    /// <summary>The text of one Warning header for fieldValidation=Warn: unknown field "spec.foo".</summary>
    public static string WarningMessage(string path) => $"unknown field {GoValue.Quote(path)}";

    private static void Walk(JsonNode? node, Type type, string path, List<string> unknown)
    {
        var shape = ModelShape.Of(type);
        switch (node)
        {
            case JsonObject obj when shape.Fields is { } fields:
                foreach (var (key, value) in obj)
                {
                    var childPath = FieldPath.Child(path, key);
                    if (fields.TryGetValue(key, out var fieldType))
                    {
                        Walk(value, fieldType, childPath, unknown);
                    }
                    else
                    {
                        unknown.Add(childPath);
                    }
                }
                break;
            case JsonObject map when shape.MapValue is { } valueType:
                foreach (var (key, value) in map)
                {
                    Walk(value, valueType, FieldPath.Child(path, key), unknown);
                }
                break;
            case JsonArray list when shape.ListItem is { } itemType:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], itemType, FieldPath.Index(path, i), unknown);
                }
                break;
        }
    }
}
