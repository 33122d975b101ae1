using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Live;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Hears every change the live cache sees and queues the owning GitSync when one of its objects was deleted or moved in
/// what our field manager owns (its live fingerprint left the one recorded at the last sync). Status updates and other
/// managers' fields leave the fingerprint alone and queue nothing. Changes heard while the GitSync syncs are judged
/// against the records that sync leaves (<see cref="GitSyncState.EndSync"/>), so its own writes queue nothing.
/// </summary>
public sealed class DriftWatcher(GitSyncStates states, Action<GitSyncKey> enqueue)
{
    public void Handle(LiveObjectEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Object.Owner is not { } owner)
        {
            return;
        }

        var key = new GitSyncKey(owner.Namespace, owner.Name);
        if (states.Find(key) is not { } state)
        {
            return;
        }

        var fingerprint = change.Type == "DELETED" ? null : change.Object.Fingerprint;
        if (state.HoldWhileSyncing(change.Identity, fingerprint) || !state.Fingerprints.TryGetValue(change.Identity, out var recorded))
        {
            return;
        }

        if (fingerprint != recorded)
        {
            state.MarkDrifted();
            enqueue(key);
        }
    }
}
