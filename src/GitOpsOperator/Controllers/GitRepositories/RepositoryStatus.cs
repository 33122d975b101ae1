using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Source;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// The status a GitRepository should show after a step of its reconcile, computed from the status it shows now.
/// The artifact of a failed poll stays what it was; an unchanged revision keeps its artifact (and fetchedAt), so a
/// poll that changed nothing yields a status equal to the current one.
/// </summary>
public static class RepositoryStatus
{
    /// <summary>A new generation is being worked on: Reconciling=True, Ready=Unknown (Progressing).</summary>
    public static GitRepositoryStatus Progressing(GitRepositoryStatus current, long generation, DateTimeOffset now) =>
        current with
        {
            Conditions = KStatus.Progressing(current.Conditions, $"reconciling generation {generation}", generation, now),
        };

    public static GitRepositoryStatus Succeeded(GitRepositoryStatus current, Source.Artifact fetched, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fetched);
        var artifact = current.Artifact?.Revision == fetched.Revision ? current.Artifact : ToApi(fetched);
        return current with
        {
            ObservedGeneration = generation,
            Artifact = artifact,
            Conditions = KStatus.Succeeded(current.Conditions, $"stored artifact for revision '{fetched.Revision}'", generation, now),
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
        };
    }

    /// <summary>Ready=False with the failure's reason; an InvalidSpec also sets Stalled=True (only a spec change helps).</summary>
    public static GitRepositoryStatus Failed(GitRepositoryStatus current, SourceFailure failure, long generation, string? requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(failure);
        var reason = failure.Reason.ToString();
        return current with
        {
            ObservedGeneration = generation,
            Conditions = IsStalled(failure)
                ? KStatus.Stalled(current.Conditions, reason, failure.Message, generation, now)
                : KStatus.Failed(current.Conditions, reason, failure.Message, generation, now),
            LastHandledReconcileAt = requestedAt ?? current.LastHandledReconcileAt,
        };
    }

    /// <summary>Suspended: nothing is polled and the conditions stay; only the new generation is acknowledged.</summary>
    public static GitRepositoryStatus Suspended(GitRepositoryStatus current, long generation) =>
        current with { ObservedGeneration = generation };

    public static bool IsStalled(SourceFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Reason == FailureReason.InvalidSpec;
    }

    /// <summary>Whether writing <paramref name="desired"/> would change anything a reader can see.</summary>
    public static bool SameAs(this GitRepositoryStatus current, GitRepositoryStatus desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return current.ObservedGeneration == desired.ObservedGeneration
            && current.Artifact == desired.Artifact
            && current.LastHandledReconcileAt == desired.LastHandledReconcileAt
            && current.Conditions.SameAs(desired.Conditions);
    }

    private static Api.Artifact ToApi(Source.Artifact fetched) => new()
    {
        Revision = fetched.Revision,
        Commit = new CommitInfo { Message = fetched.Message, Author = fetched.Author, Time = WholeSeconds(fetched.Time) },
        FetchedAt = WholeSeconds(fetched.FetchedAt),
    };

    // The API stores times to the second; the value written must equal the one read back.
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
