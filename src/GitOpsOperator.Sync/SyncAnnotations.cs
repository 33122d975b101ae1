namespace GitOpsOperator.Sync;

/// <summary>The annotations users put on objects to steer the sync engine (API.md, "Marks on the objects it manages").</summary>
public static class SyncAnnotations
{
    /// <summary>On a live object, "disabled": never pruned.</summary>
    public const string Prune = "gitops.operator.io/prune";

    /// <summary>On an object in git, "enabled": recreated when an immutable field changes.</summary>
    public const string Force = "gitops.operator.io/force";

    /// <summary>On a live object, "disabled": left alone.</summary>
    public const string Reconcile = "gitops.operator.io/reconcile";

    public const string Disabled = "disabled";
    public const string Enabled = "enabled";
}
