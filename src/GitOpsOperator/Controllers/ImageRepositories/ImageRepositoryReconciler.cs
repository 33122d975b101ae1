using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Images;
using GitOpsOperator.Images.Policies;
using GitOpsOperator.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// One reconcile of one ImageRepository: scan its registry through the shared scanner (joining a scan of the same
/// image and credentials under way, or reusing one younger than the interval; a requestedAt asks for a new one), drop
/// the excluded tags, hand the tags to its policies, write the status only when it changed. A 429 waits as long as
/// the registry asked.
/// </summary>
public sealed partial class ImageRepositoryReconciler(
    IKubernetes client,
    ImageRepositoryInformer informer,
    ImageScanner scanner,
    ScanTargetBuilder targets,
    ScannedTags scanned,
    EventRecorder events,
    TimeProvider time,
    ILogger<ImageRepositoryReconciler> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    public async Task<WorkResult> ReconcileAsync(ImageRepositoryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var repository = informer.Get(key);
        if (repository is null)
        {
            scanned.Forget(key);
            return WorkResult.Done;
        }

        var generation = repository.Metadata.Generation ?? 0;
        var current = repository.Status ?? new ImageRepositoryStatus();
        if (repository.Spec.Suspend)
        {
            await WriteIfChangedAsync(repository, current, ImageRepositoryStatuses.Suspended(current, generation), cancellationToken).ConfigureAwait(false);
            return WorkResult.Done;
        }

        if (current.ObservedGeneration != generation)
        {
            var progressing = ImageRepositoryStatuses.Progressing(current, generation, time.GetUtcNow());
            await WriteIfChangedAsync(repository, current, progressing, cancellationToken).ConfigureAwait(false);
            current = progressing;
        }

        var interval = Duration.TryParse(repository.Spec.Interval, out var parsed) && parsed > TimeSpan.Zero ? parsed : DefaultInterval;
        var requestedAt = ImageRepositoryTriggers.RequestedAt(repository);
        var exclusions = Exclusions(repository.Spec.ExclusionList, out var invalidExclusion);
        if (exclusions is null)
        {
            return await FailAsync(repository, current, Reasons.InvalidSpec, invalidExclusion!, null, interval, cancellationToken).ConfigureAwait(false);
        }

        var target = await targets.BuildAsync(repository, cancellationToken).ConfigureAwait(false);
        if (target.Failure is { } invalid)
        {
            return await FailAsync(repository, current, invalid.Reason.ToString(), invalid.Message, null, interval, cancellationToken).ConfigureAwait(false);
        }

        var asked = requestedAt is not null && requestedAt != current.LastHandledReconcileAt;
        var scan = await scanner.ScanAsync(target.Value!, asked ? TimeSpan.Zero : interval, cancellationToken).ConfigureAwait(false);
        if (scan.Failure is { } failure)
        {
            return await FailAsync(repository, current, failure.Reason.ToString(), failure.Message, failure.RetryAfter, interval, cancellationToken).ConfigureAwait(false);
        }

        var tags = scan.Tags.Where(tag => !exclusions.Any(exclusion => exclusion.Match(tag, out _) is not null)).ToList();
        var image = target.Value!.Image.CanonicalName;
        var changed = scanned.Set(key, new RepositoryTags(image, tags));
        var succeeded = ImageRepositoryStatuses.Scanned(current, image, tags, scan.Truncated, changed, generation, requestedAt, time.GetUtcNow());
        await WriteIfChangedAsync(repository, current, succeeded, cancellationToken).ConfigureAwait(false);

        if (changed == true)
        {
            LogTagsChanged(logger, key.Namespace, key.Name, tags.Count);
        }

        return WorkResult.After(interval);
    }

    private async Task<WorkResult> FailAsync(
        ImageRepository repository, ImageRepositoryStatus current, string reason, string message, TimeSpan? retryAfter, TimeSpan interval,
        CancellationToken cancellationToken)
    {
        var generation = repository.Metadata.Generation ?? 0;
        var failed = ImageRepositoryStatuses.Failed(current, reason, message, generation, ImageRepositoryTriggers.RequestedAt(repository), time.GetUtcNow());
        await WriteIfChangedAsync(repository, current, failed, cancellationToken).ConfigureAwait(false);
        var before = current.Conditions.Find(ConditionTypes.Ready);
        if (before?.Reason != reason || before.Message != message)
        {
            await events.RecordAsync(repository, EventRecorder.Warning, reason, message, cancellationToken).ConfigureAwait(false);
        }

        if (ImageRepositoryStatuses.IsStalled(reason))
        {
            return WorkResult.Done;
        }

        // A rate-limited registry is asked again only once its Retry-After has passed.
        return retryAfter is { } wait
            ? WorkResult.After(wait > interval ? wait : interval)
            : WorkResult.Failure($"{reason}: {message}", new Backoff(FirstRetry, interval < FirstRetry ? FirstRetry : interval));
    }

    /// <summary>The compiled exclusionList, or null with the reason one entry is no regular expression.</summary>
    private static List<GoRegex>? Exclusions(IReadOnlyList<string>? patterns, out string? problem)
    {
        problem = null;
        var compiled = new List<GoRegex>();
        foreach (var pattern in patterns ?? [])
        {
            var regex = GoRegex.TryCompile(pattern, out var why);
            if (regex is null)
            {
                problem = $"spec.exclusionList entry \"{pattern}\" is not a regular expression: {why}";
                return null;
            }

            compiled.Add(regex);
        }

        return compiled;
    }

    private async Task WriteIfChangedAsync(ImageRepository repository, ImageRepositoryStatus current, ImageRepositoryStatus desired, CancellationToken cancellationToken)
    {
        if (current.SameAs(desired))
        {
            return;
        }

        var patch = new V1Patch(KubernetesJson.Serialize(new { status = desired }), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            patch, GitOpsApi.Group, GitOpsApi.Version, repository.Metadata.NamespaceProperty, GitOpsApi.ImageRepositoryPlural, repository.Metadata.Name,
            fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ImageRepository {Namespace}/{Name} lists {Count} tags, a changed set")]
    private static partial void LogTagsChanged(ILogger logger, string @namespace, string name, int count);
}
