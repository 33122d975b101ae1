using System.Text.Json.Nodes;

namespace GitOpsOperator.Crds;

/// <summary>
/// Compares the schema the API server publishes for one of our kinds with the one this operator was built with: every
/// field of the built-in schema must be published. A missing field means the CRDs were not upgraded with the operator.
/// </summary>
public static class CrdSchemaCheck
{
    /// <summary>The field paths (e.g. <c>spec.timeout</c>) the published schema lacks; empty when it has them all.</summary>
    public static IReadOnlyList<string> MissingFields(JsonObject expected, JsonObject published)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(published);
        var missing = new List<string>();
        Compare(expected, published, "", missing);
        return missing;
    }

    /// <summary>The name the server's OpenAPI v3 document gives a custom kind: the group reversed, e.g. io.operator.gitops.v1alpha1.GitSync.</summary>
    public static string DefinitionName(string group, string version, string kind) =>
        $"{string.Join('.', group.Split('.').Reverse())}.{version}.{kind}";

    private static void Compare(JsonObject expected, JsonObject published, string path, List<string> missing)
    {
        foreach (var (field, child) in expected["properties"] as JsonObject ?? [])
        {
            var fieldPath = path.Length == 0 ? field : $"{path}.{field}";
            if (published["properties"]?[field] is not JsonObject present)
            {
                missing.Add(fieldPath);
            }
            else if (child is JsonObject nested)
            {
                Compare(nested, present, fieldPath, missing);
            }
        }

        if (expected["items"] is JsonObject items && published["items"] is JsonObject publishedItems)
        {
            Compare(items, publishedItems, path + "[]", missing);
        }
    }
}
