using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// ReplicaSets: all replicas exist at once; they report ready when the ready delay has passed since the last
/// spec change (at once when scaling down), never when the template carries a never-ready or fail marker.
/// </summary>
internal static class ReplicaSetController
{
    public static ISimulatedController Create(IKubernetes client, ControllerOptions options) =>
        new StatusController<V1ReplicaSet, V1ReplicaSetStatus>(
            KindApis.ReplicaSets(client),
            options,
            rs => rs.Status,
            (rs, status) => rs with { Status = status },
            (rs, due) => DesiredStatus(rs, WorkloadFates.Of(rs.Spec?.Template, options), due));

    public static V1ReplicaSetStatus DesiredStatus(V1ReplicaSet replicaSet, WorkloadFate fate, bool due)
    {
        var replicas = replicaSet.Spec?.Replicas ?? 1;
        var ready = fate != WorkloadFate.Healthy ? 0
            : due ? replicas
            : Math.Min(replicaSet.Status?.ReadyReplicas ?? 0, replicas);
        return new V1ReplicaSetStatus
        {
            Replicas = replicas,
            FullyLabeledReplicas = Counts.OmitZero(replicas),
            ReadyReplicas = Counts.OmitZero(ready),
            AvailableReplicas = Counts.OmitZero(ready),
            ObservedGeneration = replicaSet.Generation(),
        };
    }
}
