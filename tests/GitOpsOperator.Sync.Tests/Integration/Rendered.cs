using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Tests.Integration;

/// <summary>Builds the objects the manifests library would hand over, each declared at a line of a file.</summary>
internal static class Rendered
{
    public static RenderedObject From(string json, string file = "apps/shop.yaml", int line = 1) =>
        From(JsonNode.Parse(json)!.AsObject(), file, line);

    public static RenderedObject From(JsonObject obj, string file = "apps/shop.yaml", int line = 1)
    {
        var type = GroupVersionKind.FromApiVersion(obj["apiVersion"]!.GetValue<string>(), obj["kind"]!.GetValue<string>());
        var metadata = obj["metadata"]!.AsObject();
        var identity = new ObjectIdentity(type.Group, type.Kind, metadata["namespace"]?.GetValue<string>() ?? "", metadata["name"]!.GetValue<string>());
        return new RenderedObject(obj, type, identity, ContentHash.Of(obj), new SourceLocation(file, line));
    }

    public static RenderedObject ConfigMap(string ns, string name, string value, JsonObject? annotations = null, int line = 1) =>
        From(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["annotations"] = annotations ?? [] },
            ["data"] = new JsonObject { ["value"] = value },
        }, line: line);

    public static RenderedObject Deployment(string ns, string name, string image, string app = "web", int line = 1) =>
        From(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = image }),
                    },
                },
            },
        }, line: line);

    /// <summary>A copy of the object with a changed JSON (and hash), as a new commit would render it.</summary>
    public static RenderedObject Edited(RenderedObject original, Action<JsonObject> edit)
    {
        var copy = original.Json.DeepClone().AsObject();
        edit(copy);
        return From(copy, original.Source.File, original.Source.Line ?? 1);
    }
}
