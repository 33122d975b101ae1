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

    /// <summary>The operator may not list or watch what it needs to read (or, under --namespace, the object lies outside it).</summary>
    AccessDenied,
}
