using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Semantics;

namespace KubeEmulator.Registry;

/// <summary>
/// A resource the server answers for: the API type, the collection its objects live in (shared by every version
/// of a custom resource), and for custom resources the version's schema and printer columns.
/// </summary>
internal sealed record ServedType(ResourceType Type, StructuralSchema? Schema, JsonObject? OpenApiSchema, IReadOnlyList<PrinterColumn>? PrinterColumns)
{
    public string StoreKey { get; } = $"{Type.Group}/{Type.Plural}";

    public bool IsCustom => Type.ModelType is null;
}
