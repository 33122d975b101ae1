using System.Text.Json.Nodes;

namespace GitOpsOperator.Sync.Health;

/// <summary>A Job is Current once Complete, Failed once it has the Failed condition.</summary>
internal static class JobHealth
{
    public static HealthStatus Evaluate(JsonObject job)
    {
        if (Condition.Find(job, "Failed") is { IsTrue: true } failed)
        {
            return HealthStatus.Failed($"job failed: {failed.Reason} {failed.Message}".TrimEnd());
        }

        if (Condition.Find(job, "Complete") is { IsTrue: true })
        {
            return HealthStatus.Current("job complete");
        }

        var succeeded = ObjectFields.Int(job, "status", "succeeded");
        var completions = ObjectFields.OptionalInt(job, "spec", "completions") ?? 1;
        return HealthStatus.InProgress($"{succeeded} of {completions} completions");
    }
}
