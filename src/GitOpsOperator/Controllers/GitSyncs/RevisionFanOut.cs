using GitOpsOperator.Api;
using GitOpsOperator.Queue;
using GitOpsOperator.Source;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Queues the GitSyncs that read a source with a new revision. Those whose last render read trees the revision changed
/// (or that have not rendered yet) go in the normal lane; the rest will only record the revision and go in the low lane,
/// so a commit to one app of a monorepo goes live without waiting behind every other app's status write. The revision is
/// opened once for all of them. A wrong guess costs order only: every GitSync still reconciles the revision.
/// </summary>
public sealed partial class RevisionFanOut(GitSourceCache source, SourceArtifacts sources, GitSyncStates states, ILogger<RevisionFanOut> logger)
{
    public async Task QueueAsync(IReadOnlyList<GitSync> readers, Action<GitSyncKey, WorkPriority> enqueue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(enqueue);
        if (readers.Count == 0)
        {
            return;
        }

        using var commit = await OpenAsync(readers[0], cancellationToken).ConfigureAwait(false);
        var keys = readers.Select(GitSyncKey.Of).ToList();
        var unchanged = keys.Where(key => commit is not null && states.Find(key)?.Renders.LatestInputsMatch(commit) == true).ToHashSet();

        // The changed ones are queued before any unchanged one: workers start as soon as keys arrive.
        foreach (var key in keys.Where(key => !unchanged.Contains(key)).Concat(unchanged))
        {
            enqueue(key, unchanged.Contains(key) ? WorkPriority.Low : WorkPriority.Normal);
        }
    }

    /// <summary>The source's new revision at its root, or null when it cannot be read here (each reconcile reports why).</summary>
    private async Task<Source.Export.ExportedTree?> OpenAsync(GitSync reader, CancellationToken cancellationToken)
    {
        if (sources.Resolve(reader).Artifact is not { } artifact)
        {
            return null;
        }

        try
        {
            var exported = await source.ExportAsync(artifact, "", cancellationToken).ConfigureAwait(false);
            return exported.Value;
        }
        catch (LibGit2Sharp.LibGit2SharpException error)
        {
            LogUnreadable(logger, artifact.Revision, error.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Revision {Revision} could not be opened to order its GitSyncs: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string revision, string error);
}
