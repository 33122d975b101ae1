using GitOpsOperator.Sync;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Settings of the GitSync controller, read from the "Operator" configuration section.</summary>
public sealed record GitSyncControllerOptions
{
    /// <summary>How many requests one sync runs at once (dry-runs, applies, deletes): Operator:SyncParallelism.</summary>
    public int SyncParallelism { get; init; } = SyncOptions.Default.Parallelism;
}
