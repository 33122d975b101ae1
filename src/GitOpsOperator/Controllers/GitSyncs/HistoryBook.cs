using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// status.history: newest first, at most <see cref="GitSyncStatus.MaxHistory"/> entries, one per attempted revision.
/// Another attempt at a revision replaces its entry; an attempt that ended the same way as the recorded one and wrote
/// nothing leaves it be, so a reconcile that changes nothing changes no history.
/// </summary>
public static class HistoryBook
{
    public static IReadOnlyList<HistoryEntry> Record(IReadOnlyList<HistoryEntry> history, HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(entry);
        if (history.Count > 0 && SameOutcome(history[0], entry))
        {
            return history;
        }

        return [entry, .. history.Where(e => e.Revision != entry.Revision).Take(GitSyncStatus.MaxHistory - 1)];
    }

    public static bool SameAs(this IReadOnlyList<HistoryEntry> history, IReadOnlyList<HistoryEntry> other) =>
        history.SequenceEqual(other);

    private static bool SameOutcome(HistoryEntry recorded, HistoryEntry attempt) =>
        recorded.Revision == attempt.Revision
        && recorded.Result == attempt.Result
        && recorded.Message == attempt.Message
        && (attempt.Created + attempt.Configured + attempt.Pruned == 0
            || (recorded.Created, recorded.Configured, recorded.Unchanged, recorded.Pruned) == (attempt.Created, attempt.Configured, attempt.Unchanged, attempt.Pruned));
}
