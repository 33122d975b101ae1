using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Planning;

/// <summary>Compares a dry-run result with the live object, leaving out what the server alone moves.</summary>
public static class LiveComparison
{
    private static readonly string[] ServerMetadata = ["managedFields", "resourceVersion", "generation", "creationTimestamp", "uid", "selfLink"];

    /// <summary>True when applying would change the live object in anything but server-maintained fields.</summary>
    public static bool WouldChange(JsonObject dryRunResult, JsonObject liveObject) =>
        !JsonNode.DeepEquals(Comparable(dryRunResult), Comparable(liveObject));

    /// <summary>A copy of the object without status and the metadata the server alone maintains.</summary>
    public static JsonObject Comparable(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }
}
