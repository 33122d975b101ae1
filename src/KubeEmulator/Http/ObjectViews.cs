using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Json;
using KubeEmulator.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>How stored objects are shown to a client: in the requested version, as JSON or as a Table.</summary>
internal static class ObjectViews
{
    /// <summary>The object in the version the client asked for (custom resources are stored once for all versions).</summary>
    public static JsonObject InRequestedVersion(ServedType served, JsonObject obj)
    {
        if (obj.StringAt("apiVersion") == served.Type.ApiVersion)
        {
            return obj;
        }

        var copy = obj.Clone();
        copy["apiVersion"] = served.Type.ApiVersion;
        return copy;
    }

    public static JsonObject Table(HttpRequest request, ServedType served, IReadOnlyList<JsonObject> items, string? resourceVersion, string? continueToken, DateTimeOffset now) =>
        TableConverter.ToTable(served.Type, items.Select(i => InRequestedVersion(served, i)).ToList(), served.PrinterColumns,
            resourceVersion, continueToken, QueryOptions.Get(request, "includeObject"), now);
}
