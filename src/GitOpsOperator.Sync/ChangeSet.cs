using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>What a sync did, object by object: created, configured, unchanged, pruned and skipped.</summary>
public sealed record ChangeSet(IReadOnlyList<Change> Changes)
{
    public static ChangeSet Empty { get; } = new([]);

    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);

    public IReadOnlyList<ObjectIdentity> Objects(ChangeAction action) =>
        Changes.Where(c => c.Action == action).Select(c => c.Identity).ToList();

    /// <summary>The objects actually written (created, configured or pruned).</summary>
    public IReadOnlyList<Change> Writes => Changes.Where(c => c.Action is ChangeAction.Created or ChangeAction.Configured or ChangeAction.Pruned).ToList();

    public ChangeSet Add(IEnumerable<Change> more) => new([.. Changes, .. more]);

    public override string ToString() =>
        $"created {Count(ChangeAction.Created)}, configured {Count(ChangeAction.Configured)}, unchanged {Count(ChangeAction.Unchanged)}, " +
        $"pruned {Count(ChangeAction.Pruned)}, skipped {Count(ChangeAction.Skipped)}";
}
