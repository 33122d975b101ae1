using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>The defaults the real API server sets on create/update for built-in kinds (Service, workloads, PodSpec, Secret stringData…).</summary>
public static class Defaulter
{
    /// <summary>Sets defaults in place. allocateClusterIp hands out a fresh Service IP when one is needed.</summary>
    public static void Apply(ResourceType type, JsonObject obj, Func<string> allocateClusterIp)
    {
        switch ((type.Group, type.Kind))
        {
            case ("", "Service"): ServiceDefaults.Apply(obj, allocateClusterIp); break;
            case ("", "Pod"): PodSpecDefaults.ApplyPod(obj); break;
            case ("", "Secret"): ClusterDefaults.Secret(obj); break;
            case ("", "Namespace"): ClusterDefaults.Namespace(obj); break;
            case ("", "PersistentVolumeClaim"): ClusterDefaults.PersistentVolumeClaim(obj); break;
            case ("", "PersistentVolume"): ClusterDefaults.PersistentVolume(obj); break;
            case ("", "Endpoints"): ClusterDefaults.Endpoints(obj); break;
            case ("", "ResourceQuota"): ClusterDefaults.ResourceQuota(obj); break;
            case ("", "LimitRange"): ClusterDefaults.LimitRange(obj); break;
            case ("apps", "Deployment"): WorkloadDefaults.Deployment(obj); break;
            case ("apps", "StatefulSet"): WorkloadDefaults.StatefulSet(obj); break;
            case ("apps", "DaemonSet"): WorkloadDefaults.DaemonSet(obj); break;
            case ("apps", "ReplicaSet"): WorkloadDefaults.ReplicaSet(obj); break;
            case ("batch", "Job"): JobDefaults.Job(obj); break;
            case ("batch", "CronJob"): JobDefaults.CronJob(obj); break;
            case ("networking.k8s.io", "NetworkPolicy"): ClusterDefaults.NetworkPolicy(obj); break;
            case ("rbac.authorization.k8s.io", "RoleBinding" or "ClusterRoleBinding"): ClusterDefaults.RoleBinding(obj); break;
            case ("autoscaling", "HorizontalPodAutoscaler"): ClusterDefaults.HorizontalPodAutoscaler(obj); break;
            case ("scheduling.k8s.io", "PriorityClass"): ClusterDefaults.PriorityClass(obj); break;
            case ("storage.k8s.io", "StorageClass"): ClusterDefaults.StorageClass(obj); break;
            case ("apiextensions.k8s.io", "CustomResourceDefinition"): ClusterDefaults.CustomResourceDefinition(obj); break;
        }
    }

    /// <summary>
    /// Defaults for an update: first keeps what the server allocated on create and the new object leaves out
    /// (a replaced Service keeps its clusterIP and node ports, as the real server does), then <see cref="Apply"/>.
    /// </summary>
    public static void ApplyUpdate(ResourceType type, JsonObject oldObj, JsonObject newObj, Func<string> allocateClusterIp)
    {
        if (type is { Group: "", Kind: "Service" })
        {
            ServiceDefaults.CarryOverAllocated(oldObj, newObj);
        }
        Apply(type, newObj, allocateClusterIp);
    }
}
