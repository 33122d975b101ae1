using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Reading;

/// <summary>Turns parsed documents into candidate objects: non-objects are errors, <c>List</c> kinds give their items.</summary>
internal static class DocumentFlattener
{
    public static void Flatten(ParsedDocument document, List<ManifestCandidate> candidates, List<RenderError> errors)
    {
        if (document.Root is not JsonObject root)
        {
            var found = document.Root.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.Array => "a list",
                System.Text.Json.JsonValueKind.String => "a string",
                System.Text.Json.JsonValueKind.Number => "a number",
                _ => "a boolean",
            };
            errors.Add(new RenderError($"expected a Kubernetes object, found {found}", document.Location));
            return;
        }

        if (ListItems(root) is not { } items)
        {
            candidates.Add(new ManifestCandidate(root, document.Location));
            return;
        }

        foreach (var item in items)
        {
            var location = item is not null && document.Positions.TryGetValue(item, out var at)
                ? document.Location with { Line = at.Line, Column = at.Column }
                : document.Location;
            if (item is JsonObject json)
            {
                candidates.Add(new ManifestCandidate(json, location));
            }
            else
            {
                errors.Add(new RenderError("a List item is not an object", location));
            }
        }
    }

    /// <summary>The items of a <c>List</c> kind; null for any other object.</summary>
    private static JsonArray? ListItems(JsonObject root) =>
        root["kind"] is JsonValue kind
        && kind.TryGetValue<string>(out var name)
        && name.EndsWith("List", StringComparison.Ordinal)
        && root["items"] is JsonArray items
            ? items
            : null;
}
