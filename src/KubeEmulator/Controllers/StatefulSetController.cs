using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// StatefulSets: the update revision is named for the template's hash; once the ready delay has passed every
/// replica is ready and at that revision, so currentRevision catches up with updateRevision.
/// </summary>
internal static class StatefulSetController
{
    public static ISimulatedController Create(IKubernetes client, ControllerOptions options) =>
        new StatusController<V1StatefulSet, V1StatefulSetStatus>(
            KindApis.StatefulSets(client),
            options,
            sts => sts.Status,
            (sts, status) => sts with { Status = status },
            (sts, due) => DesiredStatus(sts, WorkloadFates.Of(sts.Spec?.Template, options), due));

    public static V1StatefulSetStatus DesiredStatus(V1StatefulSet statefulSet, WorkloadFate fate, bool due)
    {
        var replicas = statefulSet.Spec?.Replicas ?? 1;
        var updateRevision = $"{statefulSet.Name()}-{PodTemplateHash.Of(statefulSet.Spec?.Template)}";
        var rolledOut = fate == WorkloadFate.Healthy && due;
        var currentRevision = rolledOut ? updateRevision : statefulSet.Status?.CurrentRevision ?? updateRevision;
        var ready = rolledOut ? replicas : 0;
        return new V1StatefulSetStatus
        {
            Replicas = replicas,
            ReadyReplicas = Counts.OmitZero(ready),
            AvailableReplicas = ready,
            CurrentReplicas = Counts.OmitZero(currentRevision == updateRevision ? replicas : 0),
            UpdatedReplicas = Counts.OmitZero(replicas),
            CurrentRevision = currentRevision,
            UpdateRevision = updateRevision,
            CollisionCount = 0,
            ObservedGeneration = statefulSet.Generation(),
        };
    }
}
