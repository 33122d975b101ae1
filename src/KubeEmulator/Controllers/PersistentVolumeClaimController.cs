using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>PersistentVolumeClaims are Bound, with the capacity and access modes they asked for, after the ready delay.</summary>
internal static class PersistentVolumeClaimController
{
    public static ISimulatedController Create(IKubernetes client, ControllerOptions options) =>
        new StatusController<V1PersistentVolumeClaim, V1PersistentVolumeClaimStatus>(
            KindApis.PersistentVolumeClaims(client),
            options,
            pvc => pvc.Status,
            (pvc, status) => pvc with { Status = status },
            DesiredStatus);

    /// <summary>The Bound status once due, or null while it is not (or when the claim is already Bound).</summary>
    public static V1PersistentVolumeClaimStatus? DesiredStatus(V1PersistentVolumeClaim claim, bool due)
    {
        if (!due || claim.Status?.Phase == "Bound")
        {
            return null;
        }

        var requests = claim.Spec?.Resources?.Requests;
        return new V1PersistentVolumeClaimStatus
        {
            Phase = "Bound",
            AccessModes = claim.Spec?.AccessModes?.ToList() ?? [],
            Capacity = requests is null ? null : new Dictionary<string, ResourceQuantity>(requests),
        };
    }
}
