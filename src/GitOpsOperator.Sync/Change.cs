using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>One object's entry in a change set, with the reason a person can read.</summary>
public sealed record Change(ObjectIdentity Identity, ChangeAction Action, string Reason)
{
    public override string ToString() => $"{Identity} {Action.ToString().ToLowerInvariant()} ({Reason})";
}
