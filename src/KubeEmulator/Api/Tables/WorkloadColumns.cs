using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>The server's columns for the apps and batch kinds.</summary>
public static class WorkloadColumns
{
    public static IReadOnlyList<TableColumn> Deployment { get; } =
    [
        CommonColumns.Name,
        new("Ready", "string", "Number of the pod with ready state.",
            (obj, _) => $"{ObjectFields.Integer(obj, "status", "readyReplicas")}/{ObjectFields.Integer(obj, "spec", "replicas")}"),
        new("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.",
            (obj, _) => ObjectFields.Integer(obj, "status", "updatedReplicas")),
        new("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.",
            (obj, _) => ObjectFields.Integer(obj, "status", "availableReplicas")),
        CommonColumns.Age,
        .. CommonColumns.Wide("spec", "template"),
    ];

    public static IReadOnlyList<TableColumn> ReplicaSet { get; } =
    [
        CommonColumns.Name,
        new("Desired", "integer", "Number of desired pods.", (obj, _) => ObjectFields.Integer(obj, "spec", "replicas")),
        new("Current", "integer", "Number of actual pods.", (obj, _) => ObjectFields.Integer(obj, "status", "replicas")),
        new("Ready", "integer", "Number of ready pods.", (obj, _) => ObjectFields.Integer(obj, "status", "readyReplicas")),
        CommonColumns.Age,
        .. CommonColumns.Wide("spec", "template"),
    ];

    public static IReadOnlyList<TableColumn> StatefulSet { get; } =
    [
        CommonColumns.Name,
        new("Ready", "string", "Number of the pod with ready state.",
            (obj, _) => $"{ObjectFields.Integer(obj, "status", "readyReplicas")}/{ObjectFields.Integer(obj, "spec", "replicas")}"),
        CommonColumns.Age,
        .. CommonColumns.Wide("spec", "template").Take(2),
    ];

    public static IReadOnlyList<TableColumn> DaemonSet { get; } =
    [
        CommonColumns.Name,
        new("Desired", "integer", "The total number of nodes that should be running the daemon pod.",
            (obj, _) => ObjectFields.Integer(obj, "status", "desiredNumberScheduled")),
        new("Current", "integer", "The number of nodes that are running at least 1 daemon pod.",
            (obj, _) => ObjectFields.Integer(obj, "status", "currentNumberScheduled")),
        new("Ready", "integer", "The number of nodes that should be running the daemon pod and have it ready.",
            (obj, _) => ObjectFields.Integer(obj, "status", "numberReady")),
        new("Up-to-date", "integer", "The total number of nodes that are running updated daemon pod.",
            (obj, _) => ObjectFields.Integer(obj, "status", "updatedNumberScheduled")),
        new("Available", "integer", "The number of nodes that should be running the daemon pod and have it available.",
            (obj, _) => ObjectFields.Integer(obj, "status", "numberAvailable")),
        new("Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node.",
            (obj, _) => CommonColumns.Labels(ObjectFields.At(obj, "spec", "template", "spec", "nodeSelector"))),
        CommonColumns.Age,
        .. CommonColumns.Wide("spec", "template"),
    ];

    public static IReadOnlyList<TableColumn> Job { get; } =
    [
        CommonColumns.Name,
        new("Status", "string", "Status of the job.", (obj, _) => JobStatus(obj)),
        new("Completions", "string", "The desired number of successfully finished pods the job should be run with.", (obj, _) => Completions(obj)),
        new("Duration", "string", "Time required to complete the job.", (obj, now) => Duration(obj, now)),
        CommonColumns.Age,
        .. CommonColumns.Wide("spec", "template"),
    ];

    public static IReadOnlyList<TableColumn> CronJob { get; } =
    [
        CommonColumns.Name,
        new("Schedule", "string", "The schedule in Cron format.", (obj, _) => ObjectFields.String(obj, "spec", "schedule") ?? ""),
        new("Timezone", "string", "The time zone name for the given schedule.", (obj, _) => ObjectFields.String(obj, "spec", "timeZone") ?? "<none>"),
        new("Suspend", "boolean", "Whether the cron job is suspended.", (obj, _) => ObjectFields.Boolean(obj, "spec", "suspend")),
        new("Active", "integer", "Number of currently running jobs.", (obj, _) => ObjectFields.Count(obj, "status", "active")),
        new("Last Schedule", "string", "When the job was last successfully scheduled.",
            (obj, now) => ObjectFields.Timestamp(obj, "status", "lastScheduleTime") is { } last ? HumanDuration.Since(last, now) : "<none>"),
        CommonColumns.Age,
        .. CommonColumns.Wide("spec", "jobTemplate", "spec", "template"),
    ];

    private static string JobStatus(JsonObject job)
    {
        var conditions = ObjectFields.Objects(job, "status", "conditions")
            .Where(c => ObjectFields.String(c, "status") == "True")
            .Select(c => ObjectFields.String(c, "type"))
            .ToHashSet();
        return conditions switch
        {
            _ when conditions.Contains("Failed") => "Failed",
            _ when conditions.Contains("Complete") => "Complete",
            _ when conditions.Contains("Suspended") => "Suspended",
            _ when conditions.Contains("FailureTarget") => "FailureTarget",
            _ when conditions.Contains("SuccessCriteriaMet") => "SuccessCriteriaMet",
            _ when ObjectFields.At(job, "metadata", "deletionTimestamp") is not null => "Terminating",
            _ => "Running",
        };
    }

    private static string Completions(JsonObject job)
    {
        var succeeded = ObjectFields.Integer(job, "status", "succeeded");
        if (ObjectFields.OptionalInteger(job, "spec", "completions") is { } completions)
        {
            return $"{succeeded}/{completions}";
        }

        var parallelism = ObjectFields.OptionalInteger(job, "spec", "parallelism") ?? 1;
        return parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
    }

    private static string Duration(JsonObject job, DateTimeOffset now)
    {
        var start = ObjectFields.Timestamp(job, "status", "startTime");
        if (start is null)
        {
            return "";
        }

        var end = ObjectFields.Timestamp(job, "status", "completionTime") ?? now;
        return HumanDuration.Format(end - start.Value);
    }
}
