using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>One entry of status.conditions.</summary>
internal sealed record Condition(string Type, string Status, string Reason, string Message)
{
    public bool IsTrue => Status == "True";

    public bool IsFalse => Status == "False";

    /// <summary>The condition of that type in status.conditions, or null.</summary>
    public static Condition? Find(JsonObject obj, string type)
    {
        foreach (var item in ObjectFields.Array(obj, "status", "conditions") ?? [])
        {
            if (item is JsonObject condition && ObjectFields.String(condition, "type") == type)
            {
                return new Condition(
                    type,
                    ObjectFields.String(condition, "status") ?? "Unknown",
                    ObjectFields.String(condition, "reason") ?? "",
                    ObjectFields.String(condition, "message") ?? "");
            }
        }

        return null;
    }
}
