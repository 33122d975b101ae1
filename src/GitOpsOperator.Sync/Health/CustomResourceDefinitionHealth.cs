using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A CRD is Current once Established; Failed when its names are refused.</summary>
internal static class CustomResourceDefinitionHealth
{
    public static HealthStatus Evaluate(JsonObject definition)
    {
        if (Condition.Find(definition, "NamesAccepted") is { IsFalse: true } refused)
        {
            return HealthStatus.Failed($"names not accepted: {refused.Message}");
        }

        return Condition.Find(definition, "Established") is { IsTrue: true }
            ? HealthStatus.Current("established")
            : HealthStatus.InProgress("waiting to be established");
    }
}
