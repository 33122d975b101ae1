using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>Columns many kinds share: Name, Age, and the wide Containers/Images/Selector of workloads.</summary>
public static class CommonColumns
{
    public static TableColumn Name { get; } = new(
        "Name", "string", "Name must be unique within a namespace.",
        (obj, _) => ObjectFields.String(obj, "metadata", "name") ?? "", Format: "name");

    public static TableColumn Age { get; } = new(
        "Age", "string", "CreationTimestamp is a timestamp representing the server time when this object was created.",
        (obj, now) => HumanDuration.Since(ObjectFields.Timestamp(obj, "metadata", "creationTimestamp"), now));

    /// <summary>Containers, Images and Selector (priority 1, shown by -o wide) for a workload whose pod template is at <paramref name="templatePath"/>.</summary>
    public static IReadOnlyList<TableColumn> Wide(params string[] templatePath) =>
    [
        new("Containers", "string", "Names of each container in the template.",
            (obj, _) => Join(ObjectFields.Objects(ObjectFields.At(obj, templatePath), "spec", "containers"), "name"), Priority: 1),
        new("Images", "string", "Images referenced by each container in the template.",
            (obj, _) => Join(ObjectFields.Objects(ObjectFields.At(obj, templatePath), "spec", "containers"), "image"), Priority: 1),
        new("Selector", "string", "Label selector for the pods.", (obj, _) => LabelSelector(obj), Priority: 1),
    ];

    private static string Join(IEnumerable<JsonObject> items, string field) =>
        string.Join(",", items.Select(i => ObjectFields.String(i, field) ?? ""));

    /// <summary>A map of labels as "a=b,c=d", or "&lt;none&gt;" (a Service's selector, a DaemonSet's node selector).</summary>
    public static string Labels(JsonNode? map) =>
        map is JsonObject { Count: > 0 } labels ? string.Join(",", labels.Select(p => $"{p.Key}={p.Value}")) : "<none>";

    /// <summary>spec.selector as kubectl shows it: "app=web,tier in (a,b)", or "&lt;none&gt;".</summary>
    private static string LabelSelector(JsonObject obj)
    {
        var selector = ObjectFields.At(obj, "spec", "selector") as JsonObject;
        var labels = (selector?["matchLabels"] as JsonObject ?? []).Select(p => $"{p.Key}={p.Value}");
        var expressions = ObjectFields.Objects(selector, "matchExpressions").Select(Expression);
        var parts = labels.Concat(expressions).ToList();
        return parts.Count == 0 ? "<none>" : string.Join(",", parts);
    }

    private static string Expression(JsonObject requirement)
    {
        var key = ObjectFields.String(requirement, "key") ?? "";
        var values = string.Join(",", (requirement["values"] as JsonArray ?? []).Select(v => v?.ToString()));
        return ObjectFields.String(requirement, "operator") switch
        {
            "In" => $"{key} in ({values})",
            "NotIn" => $"{key} notin ({values})",
            "DoesNotExist" => $"!{key}",
            _ => key,
        };
    }
}
