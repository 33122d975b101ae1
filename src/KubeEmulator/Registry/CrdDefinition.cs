using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Json;
using KubeEmulator.Semantics;

namespace KubeEmulator.Registry;

/// <summary>Reads a CustomResourceDefinition object into the types it serves and the status the server gives it.</summary>
internal static class CrdDefinition
{
    /// <summary>One served type per served version of the CRD.</summary>
    public static IReadOnlyList<ServedType> ServedTypes(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = spec.StringAt("group") ?? "";
        var plural = names.StringAt("plural") ?? "";
        var kind = names.StringAt("kind") ?? "";
        var singular = names.StringAt("singular") is { Length: > 0 } s ? s : kind.ToLowerInvariant();
        var shortNames = Strings(names["shortNames"]);
        var categories = Strings(names["categories"]);
        var namespaced = spec.StringAt("scope") != "Cluster";
        var result = new List<ServedType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"].ScalarText() == "false")
            {
                continue;
            }

            var hasStatus = version.NodeAt("subresources.status") is JsonObject;
            var type = new ResourceType(group, version.StringAt("name") ?? "", kind, plural, singular, shortNames, namespaced, hasStatus, null, categories.Count > 0 ? categories : null, Scale(version));
            var openApi = version.NodeAt("schema.openAPIV3Schema") as JsonObject;
            var schema = openApi is null ? null : StructuralSchema.Parse(openApi);
            result.Add(new ServedType(type, schema, openApi, PrinterColumns(version["additionalPrinterColumns"])));
        }

        return result;
    }

    /// <summary>The status a healthy apiextensions controller gives a CRD: names accepted, established.</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, JsonObject? previous, DateTimeOffset now)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = (spec["names"] as JsonObject)?.Clone() ?? [];
        if (names["singular"] is null && names.StringAt("kind") is { } kind)
        {
            names["singular"] = kind.ToLowerInvariant();
        }

        if (names["listKind"] is null && names.StringAt("kind") is { } k)
        {
            names["listKind"] = k + "List";
        }

        var storage = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"].ScalarText() == "true")?.StringAt("name");
        var previousConditions = previous?.NodeAt("status.conditions") as JsonArray;
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", previousConditions, now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", previousConditions, now)),
            ["acceptedNames"] = names,
            ["storedVersions"] = new JsonArray(storage is null ? [] : [JsonValue.Create(storage)]),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, JsonArray? previous, DateTimeOffset now)
    {
        var since = previous?.OfType<JsonObject>().FirstOrDefault(c => c.StringAt("type") == type)?.StringAt("lastTransitionTime");
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = since ?? KubeJson.Timestamp(now),
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static ScaleSubresource? Scale(JsonObject version) =>
        version.NodeAt("subresources.scale") is JsonObject scale
            ? new ScaleSubresource(scale.StringAt("specReplicasPath") ?? "", scale.StringAt("statusReplicasPath") ?? "", scale.StringAt("labelSelectorPath"))
            : null;

    private static List<PrinterColumn>? PrinterColumns(JsonNode? node)
    {
        if (node is not JsonArray columns)
        {
            return null;
        }

        return columns.OfType<JsonObject>().Select(c => new PrinterColumn(
            c.StringAt("name") ?? "",
            c.StringAt("type") ?? "string",
            c.StringAt("jsonPath") ?? "",
            c.StringAt("format"),
            c.StringAt("description"),
            (int)(c["priority"].Int64() ?? 0))).ToList();
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n.ScalarText()).OfType<string>().ToList();
}
