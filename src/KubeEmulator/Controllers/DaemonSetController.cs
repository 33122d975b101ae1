using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>DaemonSets on a cluster of one pretend node: one pod, ready once the ready delay has passed.</summary>
internal static class DaemonSetController
{
    private const int Nodes = 1;

    public static ISimulatedController Create(IKubernetes client, ControllerOptions options) =>
        new StatusController<V1DaemonSet, V1DaemonSetStatus>(
            KindApis.DaemonSets(client),
            options,
            ds => ds.Status,
            (ds, status) => ds with { Status = status },
            (ds, due) => DesiredStatus(ds, WorkloadFates.Of(ds.Spec?.Template, options), due));

    public static V1DaemonSetStatus DesiredStatus(V1DaemonSet daemonSet, WorkloadFate fate, bool due)
    {
        var ready = fate == WorkloadFate.Healthy && due ? Nodes : 0;
        return new V1DaemonSetStatus
        {
            CurrentNumberScheduled = Nodes,
            DesiredNumberScheduled = Nodes,
            NumberMisscheduled = 0,
            NumberReady = ready,
            NumberAvailable = Counts.OmitZero(ready),
            NumberUnavailable = Counts.OmitZero(Nodes - ready),
            UpdatedNumberScheduled = Nodes,
            ObservedGeneration = daemonSet.Generation(),
        };
    }
}
