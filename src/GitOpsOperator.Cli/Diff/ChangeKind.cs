namespace GitOpsOperator.Cli.Diff;

/// <summary>What applying the checkout would do to one object.</summary>
public enum ChangeKind
{
    Created,
    Changed,
    Pruned,
    Unchanged,
    Skipped,
}
