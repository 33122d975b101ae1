namespace GitOpsOperator.Sync.Planning;

/// <summary>The planned objects and the objects that cannot be applied (nothing may be written when there are any).</summary>
public sealed record PlanResult(IReadOnlyList<PlannedObject> Objects, IReadOnlyList<SyncFailure> Failures);
