using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>Spec validation of the workload kinds: replicas, selector against template labels, pod template.</summary>
internal static class WorkloadValidation
{
    private const int CronJobNameMaxLength = 52;

    public static IEnumerable<StatusCause> Deployment(JsonObject deployment)
    {
        var spec = deployment.Obj("spec") ?? [];
        var causes = new List<StatusCause>();
        NonNegative(spec, "replicas", "spec", causes);
        causes.AddRange(SelectedTemplate(spec, "deployment"));
        causes.AddRange(PodSpecValidation.RestartPolicy(spec.Obj("template"), "spec.template", "Always"));
        if (spec.Obj("strategy") is { } strategy)
        {
            PodSpecValidation.Supported(strategy, "type", ["Recreate", "RollingUpdate"], "spec.strategy", causes);
            if (strategy.Str("type") == "Recreate" && !strategy.IsUnset("rollingUpdate"))
            {
                causes.Add(FieldErrors.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
            }
        }
        NonNegative(spec, "revisionHistoryLimit", "spec", causes);
        return causes;
    }

    public static IEnumerable<StatusCause> ReplicaSetLike(JsonObject workload, string kindWord)
    {
        var spec = workload.Obj("spec") ?? [];
        var causes = new List<StatusCause>();
        NonNegative(spec, "replicas", "spec", causes);
        causes.AddRange(SelectedTemplate(spec, kindWord));
        causes.AddRange(PodSpecValidation.RestartPolicy(spec.Obj("template"), "spec.template", "Always"));
        return causes;
    }

    public static IEnumerable<StatusCause> StatefulSet(JsonObject statefulSet)
    {
        var spec = statefulSet.Obj("spec") ?? [];
        var causes = new List<StatusCause>(ReplicaSetLike(statefulSet, "statefulset"));
        PodSpecValidation.Supported(spec, "podManagementPolicy", ["OrderedReady", "Parallel"], "spec", causes);
        if (spec.Obj("updateStrategy") is { } updateStrategy)
        {
            PodSpecValidation.Supported(updateStrategy, "type", ["OnDelete", "RollingUpdate"], "spec.updateStrategy", causes);
        }
        return causes;
    }

    public static IEnumerable<StatusCause> Job(JsonObject job)
    {
        var spec = job.Obj("spec") ?? [];
        var causes = new List<StatusCause>();
        foreach (var key in new[] { "parallelism", "completions", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished" })
        {
            NonNegative(spec, key, "spec", causes);
        }
        causes.AddRange(JobTemplate(spec, "spec"));
        return causes;
    }

    public static IEnumerable<StatusCause> CronJob(JsonObject cronJob)
    {
        var spec = cronJob.Obj("spec") ?? [];
        var causes = new List<StatusCause>();
        if (cronJob.Obj("metadata")?.Str("name") is { Length: > CronJobNameMaxLength } name)
        {
            causes.Add(FieldErrors.Invalid("metadata.name", name, NameRules.MaxLenError(CronJobNameMaxLength)));
        }
        if (spec.IsBlank("schedule"))
        {
            causes.Add(FieldErrors.Required("spec.schedule"));
        }
        PodSpecValidation.Supported(spec, "concurrencyPolicy", ["Allow", "Forbid", "Replace"], "spec", causes);
        causes.AddRange(JobTemplate(spec.Obj("jobTemplate")?.Obj("spec") ?? [], "spec.jobTemplate.spec"));
        return causes;
    }

    public static IEnumerable<StatusCause> Pod(JsonObject pod) =>
        PodSpecValidation.Spec(pod.Obj("spec"), "spec");

    private static IEnumerable<StatusCause> JobTemplate(JsonObject jobSpec, string path)
    {
        var template = jobSpec.Obj("template");
        var templatePath = FieldPath.Child(path, "template");
        var causes = new List<StatusCause>(PodSpecValidation.Template(template, templatePath));
        if (jobSpec.Obj("selector") is { } selector)
        {
            causes.AddRange(LabelSelector.Validate(selector, FieldPath.Child(path, "selector")));
            causes.AddRange(TemplateMatches(selector, template, templatePath));
        }
        causes.AddRange(PodSpecValidation.RestartPolicy(template, templatePath, "OnFailure", "Never"));
        return causes;
    }

    private static IEnumerable<StatusCause> SelectedTemplate(JsonObject spec, string kindWord)
    {
        var causes = new List<StatusCause>();
        var selector = spec.Obj("selector");
        if (selector is null)
        {
            causes.Add(FieldErrors.Required("spec.selector"));
        }
        else
        {
            causes.AddRange(LabelSelector.Validate(selector, "spec.selector"));
            if (LabelSelector.IsEmpty(selector))
            {
                causes.Add(FieldErrors.Invalid("spec.selector", selector.DeepClone(), $"empty selector is invalid for {kindWord}"));
            }
        }
        // A missing selector selects nothing, so the template cannot match it either; an empty one selects everything.
        if (selector is null || !LabelSelector.IsEmpty(selector))
        {
            causes.AddRange(TemplateMatches(selector, spec.Obj("template"), "spec.template"));
        }
        causes.AddRange(PodSpecValidation.Template(spec.Obj("template"), "spec.template"));
        return causes;
    }

    private static IEnumerable<StatusCause> TemplateMatches(JsonObject? selector, JsonObject? template, string templatePath)
    {
        var labels = template?.Obj("metadata")?.Obj("labels");
        if (template is null || (selector is not null && LabelSelector.Matches(selector, labels.StringMap())))
        {
            return [];
        }
        return [FieldErrors.Invalid(FieldPath.Child(templatePath, "metadata.labels"), labels?.DeepClone() ?? new JsonObject(),
            "`selector` does not match template `labels`")];
    }

    private static void NonNegative(JsonObject spec, string key, string path, List<StatusCause> causes)
    {
        if (spec.Long(key) is < 0)
        {
            causes.Add(FieldErrors.Invalid(FieldPath.Child(path, key), spec[key]!.DeepClone(), "must be greater than or equal to 0"));
        }
    }
}
