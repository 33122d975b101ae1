using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>RFC 6902 JSON patch (application/json-patch+json).</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations to a copy of the document and returns it; throws <see cref="PatchException"/>.</summary>
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        JsonNode? result = document.DeepClone();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation)
            {
                throw new PatchException("json patch operation must be an object");
            }

            result = ApplyOne(result, operation);
        }

        return result ?? throw new PatchException("json patch removed the whole document");
    }

    private static JsonNode? ApplyOne(JsonNode? document, JsonObject operation)
    {
        var op = Text(operation, "op") ?? throw new PatchException("json patch operation has no \"op\"");
        var path = JsonPointer.Parse(Text(operation, "path") ?? throw new PatchException($"{op} operation has no \"path\""));
        switch (op)
        {
            case "add":
                return Add(document, path, ValueOf(operation, op), op);
            case "remove":
                Remove(document, path, op);
                return document;
            case "replace":
                path.Resolve(document, op);
                if (path.IsRoot)
                {
                    return ValueOf(operation, op);
                }

                Remove(document, path, op);
                return Add(document, path, ValueOf(operation, op), op);
            case "move":
            {
                var from = From(operation, op);
                if (from.IsAncestorOf(path))
                {
                    throw new PatchException($"move operation does not apply: \"{path.Text}\" is inside \"{from.Text}\"");
                }

                var value = from.Resolve(document, op)?.DeepClone();
                Remove(document, from, op);
                return Add(document, path, value, op);
            }

            case "copy":
                return Add(document, path, From(operation, op).Resolve(document, op)?.DeepClone(), op);
            case "test":
                if (!JsonNode.DeepEquals(path.Resolve(document, op), ValueOf(operation, op)))
                {
                    throw new PatchException($"testing value {path.Text} failed: test failed");
                }

                return document;
            default:
                throw new PatchException($"unexpected json patch operation \"{op}\"");
        }
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value, string op)
    {
        if (path.IsRoot)
        {
            return value;
        }

        switch (path.Parent.Resolve(document, op))
        {
            case JsonObject map:
                map[path.Last] = value;
                break;
            case JsonArray list when path.Last == "-":
                list.Add(value);
                break;
            case JsonArray list when JsonPointer.Index(path.Last, list.Count) is { } index:
                list.Insert(index, value);
                break;
            default:
                throw path.Missing(op);
        }

        return document;
    }

    private static void Remove(JsonNode? document, JsonPointer path, string op)
    {
        if (path.IsRoot)
        {
            throw new PatchException($"{op} operation does not apply: cannot remove the whole document");
        }

        switch (path.Parent.Resolve(document, op))
        {
            case JsonObject map when map.ContainsKey(path.Last):
                map.Remove(path.Last);
                break;
            case JsonArray list when JsonPointer.Index(path.Last, list.Count - 1) is { } index:
                list.RemoveAt(index);
                break;
            default:
                throw path.Missing(op);
        }
    }

    private static JsonPointer From(JsonObject operation, string op) =>
        JsonPointer.Parse(Text(operation, "from") ?? throw new PatchException($"{op} operation has no \"from\""));

    private static JsonNode? ValueOf(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"{op} operation has no \"value\"");

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
