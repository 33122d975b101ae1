using k8s;

namespace GitOpsOperator.Hosting.Leadership;

/// <summary>
/// Hands a held Lease back: the holder is cleared (an empty holderIdentity, which a waiting LeaderElector takes at
/// once) and the replace carries the resourceVersion read, so a Lease another replica took meanwhile is left alone.
/// </summary>
public static class LeaseRelease
{
    /// <summary>True when this identity held the Lease and it is now free; false when someone else holds it.</summary>
    public static async Task<bool> ReleaseAsync(IKubernetes client, LeaseSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(settings.Name, settings.Namespace, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (lease.Spec?.HolderIdentity != settings.Identity)
        {
            return false;
        }

        lease.Spec.HolderIdentity = "";
        lease.Spec.LeaseDurationSeconds = 1;
        lease.Spec.RenewTime = time.GetUtcNow().UtcDateTime;
        await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, settings.Name, settings.Namespace, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return true;
    }
}
