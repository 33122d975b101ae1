namespace GitOpsOperator.Sync;

/// <summary>What a sync did (or, in a plan, would do) to one object.</summary>
public enum ChangeAction
{
    Created,
    Configured,
    Unchanged,
    Pruned,
    Skipped,
}
