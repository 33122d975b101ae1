using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>apps/v1 defaults: Deployment, StatefulSet, DaemonSet, ReplicaSet.</summary>
internal static class WorkloadDefaults
{
    private const int RevisionHistoryLimit = 10;

    public static void Deployment(JsonObject deployment)
    {
        var spec = deployment.Ensure("spec");
        spec.Default("replicas", 1);
        var strategy = spec.Ensure("strategy");
        strategy.DefaultString("type", "RollingUpdate");
        if (strategy.Str("type") == "RollingUpdate")
        {
            var rollingUpdate = strategy.Ensure("rollingUpdate");
            rollingUpdate.Default("maxUnavailable", "25%");
            rollingUpdate.Default("maxSurge", "25%");
        }
        spec.Default("revisionHistoryLimit", RevisionHistoryLimit);
        spec.Default("progressDeadlineSeconds", 600);
        PodSpecDefaults.ApplyTemplate(spec.Obj("template"));
    }

    public static void StatefulSet(JsonObject statefulSet)
    {
        var spec = statefulSet.Ensure("spec");
        spec.DefaultString("podManagementPolicy", "OrderedReady");
        var updateStrategy = spec.Ensure("updateStrategy");
        if (updateStrategy.IsBlank("type"))
        {
            updateStrategy["type"] = "RollingUpdate";
            updateStrategy.Ensure("rollingUpdate");
        }
        if (updateStrategy.Str("type") == "RollingUpdate" && updateStrategy.Obj("rollingUpdate") is { } rollingUpdate)
        {
            rollingUpdate.Default("partition", 0);
        }
        var retention = spec.Ensure("persistentVolumeClaimRetentionPolicy");
        retention.DefaultString("whenDeleted", "Retain");
        retention.DefaultString("whenScaled", "Retain");
        spec.Default("replicas", 1);
        spec.Default("revisionHistoryLimit", RevisionHistoryLimit);
        PodSpecDefaults.ApplyTemplate(spec.Obj("template"));
        foreach (var claim in spec.Arr("volumeClaimTemplates").Objects())
        {
            ClusterDefaults.PersistentVolumeClaim(claim);
        }
    }

    public static void DaemonSet(JsonObject daemonSet)
    {
        var spec = daemonSet.Ensure("spec");
        var updateStrategy = spec.Ensure("updateStrategy");
        updateStrategy.DefaultString("type", "RollingUpdate");
        if (updateStrategy.Str("type") == "RollingUpdate")
        {
            var rollingUpdate = updateStrategy.Ensure("rollingUpdate");
            rollingUpdate.Default("maxUnavailable", 1);
            rollingUpdate.Default("maxSurge", 0);
        }
        spec.Default("revisionHistoryLimit", RevisionHistoryLimit);
        PodSpecDefaults.ApplyTemplate(spec.Obj("template"));
    }

    public static void ReplicaSet(JsonObject replicaSet)
    {
        var spec = replicaSet.Ensure("spec");
        spec.Default("replicas", 1);
        PodSpecDefaults.ApplyTemplate(spec.Obj("template"));
    }
}
