using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>One object that stopped a sync: which one, where git declares it (when known), and the server's or engine's message.</summary>
public sealed record SyncFailure(SyncOutcome Reason, ObjectIdentity? Identity, SourceLocation? Source, string Message)
{
    public override string ToString() => (Identity, Source) switch
    {
        ({ } id, { } source) => $"{id} ({source}): {Message}",
        ({ } id, null) => $"{id}: {Message}",
        _ => Message,
    };
}
