using System.Collections.Concurrent;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>The remembered state of every GitSync this process has reconciled.</summary>
public sealed class GitSyncStates
{
    private readonly ConcurrentDictionary<GitSyncKey, GitSyncState> states = new();

    public GitSyncState For(GitSyncKey key) => states.GetOrAdd(key, _ => new GitSyncState());

    public GitSyncState? Find(GitSyncKey key) => states.GetValueOrDefault(key);

    public void Forget(GitSyncKey key) => states.TryRemove(key, out _);
}
