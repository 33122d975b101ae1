namespace GitOpsOperator.Sync;

/// <summary>How a sync ended; every value but Succeeded is a Ready=False reason of API.md.</summary>
public enum SyncOutcome
{
    Succeeded,
    ValidationFailed,
    OwnershipConflict,
    ApplyFailed,
    PruneRefused,
    PruneFailed,
    HealthCheckFailed,
}
