using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>One column of a Table: its definition and how a row's cell is computed from the object.</summary>
public sealed record TableColumn(string Name, string Type, string Description, Func<JsonObject, DateTimeOffset, JsonNode?> Cell, int Priority = 0, string Format = "")
{
    public JsonObject Definition() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
