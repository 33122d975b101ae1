using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Hears every change the live cache sees and queues the owning GitSync when one of its objects was deleted or moved in
/// what our field manager owns (its live fingerprint left the one recorded at the last sync). Status updates and other
/// managers' fields leave the fingerprint alone and queue nothing.
/// </summary>
public sealed class DriftWatcher(GitSyncStates states, Action<GitSyncKey> enqueue)
{
    public void Handle(LiveObjectEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (GitSyncOwner.Of(change.Object) is not { } owner)
        {
            return;
        }

        var key = new GitSyncKey(owner.Namespace, owner.Name);
        if (states.Find(key) is not { } state || !state.Fingerprints.TryGetValue(change.Identity, out var recorded))
        {
            return;
        }

        if (change.Type == "DELETED" || LiveFingerprint.Of(change.Object) != recorded)
        {
            state.MarkDrifted();
            enqueue(key);
        }
    }
}
