using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using GitOpsOperator.Source;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// One reconcile of one GitRepository: poll its remote through the shared cache, write the status only when it
/// changed, record Events for a new revision or a new failure, and tell subscribers about a new artifact.
/// </summary>
public sealed partial class GitRepositoryReconciler(
    IKubernetes client,
    GitRepositoryInformer informer,
    GitSourceCache cache,
    SourceRequestBuilder requests,
    EventRecorder events,
    ArtifactChangedNotifier notifier,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger<GitRepositoryReconciler> logger)
{
    private const string NewArtifact = "NewArtifact";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    public async Task<WorkResult> ReconcileAsync(GitRepositoryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var repository = informer.Get(key);
        if (repository is null)
        {
            return WorkResult.Done;
        }

        var generation = repository.Metadata.Generation ?? 0;
        var current = repository.Status ?? new GitRepositoryStatus();
        if (repository.Spec.Suspend)
        {
            await WriteIfChangedAsync(repository, current, RepositoryStatus.Suspended(current, generation), cancellationToken).ConfigureAwait(false);
            return WorkResult.Done;
        }

        if (current.ObservedGeneration != generation)
        {
            var progressing = RepositoryStatus.Progressing(current, generation, time.GetUtcNow());
            await WriteIfChangedAsync(repository, current, progressing, cancellationToken).ConfigureAwait(false);
            current = progressing;
        }

        var interval = Duration.TryParse(repository.Spec.Interval, out var parsed) && parsed > TimeSpan.Zero ? parsed : TimeSpan.FromMinutes(1);
        var result = await PollAsync(repository, cancellationToken).ConfigureAwait(false);
        var requestedAt = ReconcileTriggers.RequestedAt(repository);
        var now = time.GetUtcNow();
        if (result.Failure is { } failure)
        {
            var failed = RepositoryStatus.Failed(current, failure, generation, requestedAt, now);
            await WriteIfChangedAsync(repository, current, failed, cancellationToken).ConfigureAwait(false);
            if (!SameReady(current, failed))
            {
                await events.RecordAsync(repository, EventRecorder.Warning, failure.Reason.ToString(), failure.Message, cancellationToken).ConfigureAwait(false);
            }

            return RepositoryStatus.IsStalled(failure)
                ? WorkResult.Done
                : WorkResult.Failure(failure.ToString(), new Backoff(FirstRetry, interval < FirstRetry ? FirstRetry : interval));
        }

        var artifact = result.Artifact!;
        var succeeded = RepositoryStatus.Succeeded(current, artifact, generation, requestedAt, now);
        await WriteIfChangedAsync(repository, current, succeeded, cancellationToken).ConfigureAwait(false);
        if (current.Artifact?.Revision != artifact.Revision)
        {
            LogNewArtifact(logger, key.Namespace, key.Name, artifact.Revision);
            await events.RecordAsync(repository, EventRecorder.Normal, NewArtifact, $"stored artifact for revision '{artifact.Revision}': {artifact.Message}", cancellationToken).ConfigureAwait(false);
            notifier.Publish(new ArtifactChanged(key.Namespace, key.Name, artifact.Revision));
        }

        return WorkResult.After(interval);
    }

    private async Task<SourceResult> PollAsync(GitRepository repository, CancellationToken cancellationToken)
    {
        var request = await requests.BuildAsync(repository, cancellationToken).ConfigureAwait(false);
        if (request.Failure is { } failure)
        {
            return SourceResult.Failed(failure);
        }

        var started = time.GetTimestamp();
        var result = await cache.PollAsync(request.Value!, cancellationToken).ConfigureAwait(false);
        metrics.GitPolled(result.Fetched, time.GetElapsedTime(started));
        return result;
    }

    private static bool SameReady(GitRepositoryStatus before, GitRepositoryStatus after)
    {
        var old = before.Conditions.Find(ConditionTypes.Ready);
        var updated = after.Conditions.Find(ConditionTypes.Ready);
        return old?.Status == updated?.Status && old?.Reason == updated?.Reason && old?.Message == updated?.Message;
    }

    private async Task WriteIfChangedAsync(GitRepository repository, GitRepositoryStatus current, GitRepositoryStatus desired, CancellationToken cancellationToken)
    {
        if (current.SameAs(desired))
        {
            return;
        }

        var patch = new V1Patch(KubernetesJson.Serialize(new { status = desired }), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            patch, GitOpsApi.Group, GitOpsApi.Version, repository.Metadata.NamespaceProperty, GitOpsApi.GitRepositoryPlural, repository.Metadata.Name,
            fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GitRepository {Namespace}/{Name} has a new artifact {Revision}")]
    private static partial void LogNewArtifact(ILogger logger, string @namespace, string name, string revision);
}
