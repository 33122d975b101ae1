using System.Text.Json.Nodes;

namespace GitOpsOperator.Crds;

/// <summary>
/// Compares an installed CRD with the one this operator was built with: every field of the built-in schema (in each
/// version it serves) must be in the installed one. A missing field means the CRDs were not upgraded with the operator.
/// </summary>
public static class CrdSchemaCheck
{
    /// <summary>The field paths (e.g. <c>v1alpha1 spec.timeout</c>) the installed CRD lacks; empty when it has them all.</summary>
    public static IReadOnlyList<string> MissingFields(JsonObject expected, JsonObject installed)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(installed);
        var missing = new List<string>();
        foreach (var version in Versions(expected))
        {
            var name = version["name"]?.GetValue<string>() ?? "";
            var served = Versions(installed).FirstOrDefault(v => v["name"]?.GetValue<string>() == name);
            if (served is null)
            {
                missing.Add($"version {name}");
                continue;
            }

            Compare(Schema(version), Schema(served), "", name, missing);
        }

        return missing;
    }

    private static IEnumerable<JsonObject> Versions(JsonObject crd) => (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>();

    private static JsonObject? Schema(JsonObject version) => version["schema"]?["openAPIV3Schema"] as JsonObject;

    private static void Compare(JsonObject? expected, JsonObject? installed, string path, string version, List<string> missing)
    {
        foreach (var (field, child) in expected?["properties"] as JsonObject ?? [])
        {
            var fieldPath = path.Length == 0 ? field : $"{path}.{field}";
            if (installed?["properties"]?[field] is not JsonObject present)
            {
                missing.Add($"{version} {fieldPath}");
                continue;
            }

            Compare(child as JsonObject, present, fieldPath, version, missing);
        }

        if (expected?["items"] is JsonObject items)
        {
            Compare(items, installed?["items"] as JsonObject, path + "[]", version, missing);
        }
    }
}
