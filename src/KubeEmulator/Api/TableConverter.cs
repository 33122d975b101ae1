using System.Text.Json.Nodes;

namespace KubeEmulator.Api;

/// <summary>meta.k8s.io/v1 Table answers for "application/json;as=Table;v=v1;g=meta.k8s.io".</summary>
public static class TableConverter
{
    /// <summary>
    /// A Table of the objects: NAME, the kind's usual columns (or the CRD's printer columns) and AGE; each row's
    /// object is PartialObjectMetadata unless includeObject is "Object".
    /// </summary>
    public static JsonObject ToTable(ResourceType type, IReadOnlyList<JsonObject> items, IReadOnlyList<PrinterColumn>? printerColumns, string? resourceVersion, string? continueToken, string? includeObject, DateTimeOffset now)
        => throw new NotImplementedException();
}
