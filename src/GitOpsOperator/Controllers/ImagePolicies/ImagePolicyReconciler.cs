using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.ImageRepositories;
using GitOpsOperator.Images;
using GitOpsOperator.Images.Policies;
using GitOpsOperator.Images.Registry;
using GitOpsOperator.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>
/// One reconcile of one ImagePolicy: select a tag among its ImageRepository's scanned tags (never below
/// status.latestRef unless allowDowngrade), look up the selected tag's digest (once per new selection), write the
/// status when it changed, record an Event for a new latest tag and tell subscribers about it. A suspended policy keeps its selection.
/// </summary>
public sealed partial class ImagePolicyReconciler(
    IKubernetes client,
    ImagePolicyInformer policies,
    ImageRepositoryInformer repositories,
    ScannedTags scanned,
    ScanTargetBuilder targets,
    DigestResolver digests,
    EventRecorder events,
    PolicySelections selections,
    TimeProvider time,
    ILogger<ImagePolicyReconciler> logger)
{
    public const string NewLatestTag = "NewLatestTag";

    // Short at first: right after a registry webhook the tag list can already name a tag whose manifest still 404s.
    private static readonly Backoff DigestRetry = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(5));

    public async Task<WorkResult> ReconcileAsync(ImagePolicyKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var policy = policies.Get(key);
        if (policy is null)
        {
            return WorkResult.Done;
        }

        var generation = policy.Metadata.Generation ?? 0;
        var current = policy.Status ?? new ImagePolicyStatus();
        if (policy.Spec.Suspend)
        {
            await WriteIfChangedAsync(policy, current, ImagePolicyStatuses.Suspended(current, generation), cancellationToken).ConfigureAwait(false);
            return WorkResult.Done;
        }

        if (current.ObservedGeneration != generation)
        {
            var progressing = ImagePolicyStatuses.Progressing(current, generation, time.GetUtcNow());
            await WriteIfChangedAsync(policy, current, progressing, cancellationToken).ConfigureAwait(false);
            current = progressing;
        }

        var selector = TagSelector.TryCreate(PolicySpecs.From(policy.Spec), out var invalid);
        if (selector is null)
        {
            return await FailAsync(policy, current, Reasons.InvalidPolicy, invalid!.Message, cancellationToken).ConfigureAwait(false);
        }

        var repositoryKey = new ImageRepositoryKey(key.Namespace, policy.Spec.ImageRepositoryRef.Name);
        var repository = repositories.Get(repositoryKey);
        var tags = scanned.Get(repositoryKey);
        if (repository is null || tags is null)
        {
            var why = repository is null
                ? $"ImageRepository {repositoryKey} not found"
                : $"ImageRepository {repositoryKey} has not been scanned yet{ReadyMessage(repository)}";
            return await FailAsync(policy, current, Reasons.DependencyNotReady, why, cancellationToken).ConfigureAwait(false);
        }

        var image = tags.Image;
        var floor = current.LatestRef is { } latest && latest.Image == image ? latest.Tag : null;
        var tag = selector.Select(tags.Tags, floor, out var failure);
        if (tag is null)
        {
            var reason = failure!.Invalid ? Reasons.InvalidPolicy : Reasons.NoMatchingTag;
            return await FailAsync(policy, current, reason, $"ImageRepository {repositoryKey}: {failure.Message}", cancellationToken).ConfigureAwait(false);
        }

        var digest = current.LatestRef is { } known && known.Image == image && known.Tag == tag && known.Digest is { } knownDigest
            ? RegistryResult<string>.Ok(knownDigest)
            : await ResolveDigestAsync(repository, tag, cancellationToken).ConfigureAwait(false);
        if (digest.Failure is { } unresolved)
        {
            var message = $"digest of {image}:{tag}: {unresolved.Message}";
            await FailAsync(policy, current, Reasons.DependencyNotReady, message, cancellationToken).ConfigureAwait(false);
            return WorkResult.Failure(message, DigestRetry);
        }

        var selected = ImagePolicyStatuses.Selected(current, new ImageRef { Image = image, Tag = tag, Digest = digest.Value }, generation, time.GetUtcNow());
        await WriteIfChangedAsync(policy, current, selected, cancellationToken).ConfigureAwait(false);
        if (current.LatestRef?.Tag != tag || current.LatestRef.Image != image)
        {
            var from = current.LatestRef is { } old ? $" (was {old.Tag})" : "";
            LogSelected(logger, key.Namespace, key.Name, image, tag, digest.Value!);
            await events.RecordAsync(policy, EventRecorder.Normal, NewLatestTag, $"latest tag of {image} is {tag}{from}", cancellationToken).ConfigureAwait(false);
            selections.Publish(key);
        }

        return WorkResult.Done;
    }

    private async Task<RegistryResult<string>> ResolveDigestAsync(ImageRepository repository, string tag, CancellationToken cancellationToken)
    {
        var target = await targets.BuildAsync(repository, cancellationToken).ConfigureAwait(false);
        return target.Failure is { } invalid
            ? invalid
            : await digests.ResolveAsync(target.Value!, tag, cancellationToken).ConfigureAwait(false);
    }

    private static string ReadyMessage(ImageRepository repository) =>
        repository.Status?.Conditions.Find(ConditionTypes.Ready) is { Status: Condition.False } ready ? $": {ready.Reason}: {ready.Message}" : "";

    private async Task<WorkResult> FailAsync(ImagePolicy policy, ImagePolicyStatus current, string reason, string message, CancellationToken cancellationToken)
    {
        var failed = ImagePolicyStatuses.Failed(current, reason, message, policy.Metadata.Generation ?? 0, time.GetUtcNow());
        await WriteIfChangedAsync(policy, current, failed, cancellationToken).ConfigureAwait(false);
        var before = current.Conditions.Find(ConditionTypes.Ready);
        if (before?.Reason != reason || before.Message != message)
        {
            await events.RecordAsync(policy, EventRecorder.Warning, reason, message, cancellationToken).ConfigureAwait(false);
        }

        // A new scan of the repository, or a spec change, queues the policy again.
        return WorkResult.Done;
    }

    private async Task WriteIfChangedAsync(ImagePolicy policy, ImagePolicyStatus current, ImagePolicyStatus desired, CancellationToken cancellationToken)
    {
        if (current.SameAs(desired))
        {
            return;
        }

        var patch = new V1Patch(KubernetesJson.Serialize(new { status = desired }), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            patch, GitOpsApi.Group, GitOpsApi.Version, policy.Metadata.NamespaceProperty, GitOpsApi.ImagePolicyPlural, policy.Metadata.Name,
            fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ImagePolicy {Namespace}/{Name} selected {Image}:{Tag} ({Digest})")]
    private static partial void LogSelected(ILogger logger, string @namespace, string name, string image, string tag, string digest);
}
