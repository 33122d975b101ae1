using GitOpsOperator.Sync;

namespace GitOpsOperator.Controllers.GitSyncs.Targets;

/// <summary>The cluster a GitSync's objects go to: its sync engine (with its watch cache) and its API scope for renders.</summary>
public sealed record SyncTarget(SyncManager Sync, ClusterApiScope Scope)
{
    public static SyncTarget For(SyncManager sync) => new(sync, new ClusterApiScope(sync));
}
