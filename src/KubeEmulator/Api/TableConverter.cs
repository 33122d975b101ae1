using System.Text.Json.Nodes;
using KubeEmulator.Api.Tables;

namespace KubeEmulator.Api;

/// <summary>meta.k8s.io/v1 Table answers for "application/json;as=Table;v=v1;g=meta.k8s.io".</summary>
public static class TableConverter
{
    /// <summary>
    /// A Table of the objects: NAME, the kind's usual columns (or the CRD's printer columns) and AGE; each row's
    /// object is PartialObjectMetadata unless includeObject is "Object".
    /// </summary>
    public static JsonObject ToTable(ResourceType type, IReadOnlyList<JsonObject> items, IReadOnlyList<PrinterColumn>? printerColumns, string? resourceVersion, string? continueToken, string? includeObject, DateTimeOffset now)
    {
        var columns = type.ModelType is null ? PrinterColumnCells.For(printerColumns) : BuiltInColumns.For(type);
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Select(c => c.Cell(item, now))]) };
            var rowObject = RowObject(item, includeObject);
            if (rowObject is not null)
            {
                row["object"] = rowObject;
            }

            rows.Add(row);
        }

        var metadata = new JsonObject();
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        if (!string.IsNullOrEmpty(continueToken))
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)c.Definition())]),
            ["rows"] = rows,
        };
    }

    private static JsonObject? RowObject(JsonObject item, string? includeObject) => includeObject switch
    {
        "None" => null,
        "Object" => (JsonObject)item.DeepClone(),
        _ => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = item["metadata"]?.DeepClone() ?? new JsonObject(),
        },
    };
}
