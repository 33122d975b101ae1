using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>A CRD's additionalPrinterColumns as table columns: the JSONPath's first match, typed as the column says.</summary>
public static class PrinterColumnCells
{
    /// <summary>The columns of a custom resource: Name, then its printer columns, or Age when it declares none (the CRD default).</summary>
    public static IReadOnlyList<TableColumn> For(IReadOnlyList<PrinterColumn>? printerColumns) =>
        printerColumns is { Count: > 0 }
            ? [CommonColumns.Name, .. printerColumns.Select(ToColumn)]
            : [CommonColumns.Name, CommonColumns.Age];

    private static TableColumn ToColumn(PrinterColumn column) => new(
        column.Name,
        column.Type,
        column.Description ?? "",
        (obj, now) => Cell(column.Type, JsonPathEvaluator.First(obj, column.JsonPath), now),
        column.Priority,
        column.Format ?? "");

    private static JsonNode? Cell(string type, JsonNode? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        return type switch
        {
            "integer" when kind == JsonValueKind.Number => value.AsValue().TryGetValue<long>(out var whole)
                ? whole
                : (long)value.GetValue<double>(),
            "number" when kind == JsonValueKind.Number => value.GetValue<double>(),
            "boolean" when kind is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            "date" when kind == JsonValueKind.String => HumanDuration.ParseTimestamp(value.GetValue<string>()) is { } time
                ? HumanDuration.Since(time, now)
                : "<invalid>",
            "string" => kind == JsonValueKind.String ? value.GetValue<string>() : Printed(value),
            _ => null,
        };
    }

    /// <summary>A non-string value in a string column prints as JSON, as kubectl's JSONPath printer does.</summary>
    private static string Printed(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => value.AsValue().TryGetValue<long>(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
