using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>batch/v1 SetDefaults_Job and _CronJob, plus the selector the Job strategy generates on create.</summary>
internal static class JobDefaults
{
    private const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    private const string LegacyControllerUidLabel = "controller-uid";
    private const string JobNameLabel = "batch.kubernetes.io/job-name";
    private const string LegacyJobNameLabel = "job-name";

    public static void Job(JsonObject job)
    {
        var spec = job.Ensure("spec");
        if (spec.IsUnset("completions") && spec.IsUnset("parallelism"))
        {
            spec["completions"] = 1;
        }
        spec.Default("parallelism", 1);
        spec.Default("backoffLimit", spec.IsUnset("backoffLimitPerIndex") ? 6 : int.MaxValue);
        spec.DefaultString("completionMode", "NonIndexed");
        spec.Default("suspend", false);
        spec.DefaultString("podReplacementPolicy", spec.IsUnset("podFailurePolicy") ? "TerminatingOrFailed" : "Failed");
        var template = spec.Obj("template");
        PodSpecDefaults.ApplyTemplate(template);
        if (spec.Bool("manualSelector") != true && spec.IsUnset("selector") && template is not null)
        {
            GenerateSelector(job, spec, template);
        }
        var metadata = job.Ensure("metadata");
        if (metadata.Obj("labels") is not { Count: > 0 } && template?.Obj("metadata")?.Obj("labels") is { Count: > 0 } templateLabels)
        {
            metadata["labels"] = templateLabels.DeepClone();
        }
    }

    public static void CronJob(JsonObject cronJob)
    {
        var spec = cronJob.Ensure("spec");
        spec.DefaultString("concurrencyPolicy", "Allow");
        spec.Default("suspend", false);
        spec.Default("successfulJobsHistoryLimit", 3);
        spec.Default("failedJobsHistoryLimit", 1);
        PodSpecDefaults.ApplyTemplate(spec.Obj("jobTemplate")?.Obj("spec")?.Obj("template"));
    }

    private static void GenerateSelector(JsonObject job, JsonObject spec, JsonObject template)
    {
        var metadata = job.Ensure("metadata");
        var name = metadata.Str("name") ?? "";
        var uid = metadata.Str("uid") ?? "";
        var labels = template.Ensure("metadata").Ensure("labels");
        labels.Default(LegacyJobNameLabel, name);
        labels.Default(JobNameLabel, name);
        labels.Default(LegacyControllerUidLabel, uid);
        labels.Default(ControllerUidLabel, uid);
        spec.Ensure("selector").Ensure("matchLabels").Default(ControllerUidLabel, uid);
    }
}
