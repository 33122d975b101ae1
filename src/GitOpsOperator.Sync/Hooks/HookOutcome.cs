namespace GitOpsOperator.Sync.Hooks;

/// <summary>What running one phase's hooks did: the hooks that ran, in order, and the failure that stopped them, if any.</summary>
public sealed record HookOutcome(IReadOnlyList<string> Ran, SyncFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
