using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Controllers.ImagePolicies;
using GitOpsOperator.Hosting;
using GitOpsOperator.Images.Setters;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using GitOpsOperator.Source.Push;
using GitOpsOperator.Webhooks;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// One run of one ImageUpdateAutomation: check its references, build the push target from its GitRepository, let the
/// pusher check out the branch and run the marker edits (held markers left alone), commit and push; then write the
/// status when it changed, record an Event per release and per new hold, count the releases, and ask the
/// GitRepository to fetch at once.
/// </summary>
public sealed partial class ImageUpdateAutomationReconciler(
    IKubernetes client,
    ImageUpdateAutomationInformer automations,
    GitRepositoryInformer repositories,
    ImagePolicyInformer policies,
    PushTargetBuilder targets,
    GitPusher pusher,
    EventRecorder events,
    OperatorMetrics metrics,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILogger<ImageUpdateAutomationReconciler> logger)
{
    public const string Released = "Released";
    public const string MarkerHeld = "MarkerHeld";

    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    public async Task<WorkResult> ReconcileAsync(ImageUpdateAutomationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var automation = automations.Get(key);
        if (automation is null)
        {
            return WorkResult.Done;
        }

        var generation = automation.Metadata.Generation ?? 0;
        var current = automation.Status ?? new ImageUpdateAutomationStatus();
        if (automation.Spec.Suspend)
        {
            await WriteIfChangedAsync(automation, current, ImageUpdateAutomationStatuses.Suspended(current, generation), cancellationToken).ConfigureAwait(false);
            return WorkResult.Done;
        }

        if (current.ObservedGeneration != generation)
        {
            var progressing = ImageUpdateAutomationStatuses.Progressing(current, generation, time.GetUtcNow());
            await WriteIfChangedAsync(automation, current, progressing, cancellationToken).ConfigureAwait(false);
            current = progressing;
        }

        var interval = Duration.TryParse(automation.Spec.Interval, out var parsed) && parsed > TimeSpan.Zero ? parsed : DefaultInterval;
        await repositories.WaitUntilSyncedAsync(cancellationToken).ConfigureAwait(false);
        await policies.WaitUntilSyncedAsync(cancellationToken).ConfigureAwait(false);
        var (target, problem) = await ResolveTargetAsync(automation, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return await FailAsync(automation, current, problem, interval, cancellationToken).ConfigureAwait(false);
        }

        var markerOptions = new MarkerOptions { Namespace = key.Namespace, NoCrossNamespaceRefs = options.Value.NoCrossNamespaceRefs };
        var edit = new ReleaseEdit(
            automation.Spec.Update.Path, markerOptions, Selection, current.Released, target!.PushBranch == target.CheckoutBranch,
            automation.Spec.Git.Commit.MessageTemplate);
        var pushed = await pusher.PushAsync(target.Request(edit.EditAsync), cancellationToken).ConfigureAwait(false);
        if (pushed.Outcome == PushOutcome.Failed || edit.Last is null)
        {
            var failure = new SpecProblem(ReasonOf(pushed.Reason), pushed.Message ?? "the push failed", Stalled: pushed.Reason == PushFailureReason.InvalidSpec);
            return await FailAsync(automation, current, failure, interval, cancellationToken).ConfigureAwait(false);
        }

        var run = edit.Last.Outcome(pushed.Outcome == PushOutcome.Pushed ? pushed.Commit : null);
        var requestedAt = ImageUpdateAutomationTriggers.RequestedAt(automation);
        var desired = ImageUpdateAutomationStatuses.Ran(current, run, generation, requestedAt, time.GetUtcNow());
        await WriteIfChangedAsync(automation, current, desired, cancellationToken).ConfigureAwait(false);
        await ReportAsync(automation, current, run, cancellationToken).ConfigureAwait(false);
        if (run.Commit is { } commit)
        {
            var source = target!.Repository;
            await ReconcileRequest.PatchAsync(
                client, GitOpsApi.GitRepositoryPlural, source.Metadata.NamespaceProperty, source.Metadata.Name, ReconcileRequest.NewValue(time), cancellationToken)
                .ConfigureAwait(false);
            LogPushed(logger, key.Namespace, key.Name, run.Releases.Count, commit);
        }

        return WorkResult.After(interval);
    }

    private async Task<(PushTarget? Target, SpecProblem? Problem)> ResolveTargetAsync(ImageUpdateAutomation automation, CancellationToken cancellationToken)
    {
        if (SpecChecks.Problem(automation, options.Value.NoCrossNamespaceRefs) is { } problem)
        {
            return (null, problem);
        }

        var source = SpecChecks.Source(automation);
        var repository = repositories.Get(source);
        return repository is null
            ? (null, new SpecProblem(Reasons.InvalidSpec, $"GitRepository {source} not found", Stalled: false))
            : await targets.BuildAsync(automation, repository, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A marker's policy ("ns:name") and what it selected (its status.latestRef), or null.</summary>
    private SelectedImage? Selection(string policy)
    {
        var parts = policy.Split(':');
        return parts.Length == 2 && policies.Get(new ImagePolicyKey(parts[0], parts[1]))?.Status?.LatestRef is { } latest
            ? new SelectedImage(latest.Image, latest.Tag, latest.Digest)
            : null;
    }

    // The pusher's reasons are API.md's; refused credentials are a git operation that failed (the message says which).
    private static string ReasonOf(PushFailureReason? reason) => reason switch
    {
        PushFailureReason.PushConflict => Reasons.PushConflict,
        PushFailureReason.InvalidSpec => Reasons.InvalidSpec,
        _ => Reasons.GitOperationFailed,
    };

    private async Task ReportAsync(ImageUpdateAutomation automation, ImageUpdateAutomationStatus before, RunOutcome run, CancellationToken cancellationToken)
    {
        if (run.Commit is { } commit)
        {
            metrics.ImagesReleased(run.Releases.Count);
            foreach (var release in run.Releases)
            {
                await events.RecordAsync(automation, EventRecorder.Normal, Released, $"{release} in commit {commit}", cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var hold in run.Holds.Where(hold => !before.Holds.Contains(hold)))
        {
            await events.RecordAsync(automation, EventRecorder.Normal, MarkerHeld, $"{hold.File}: {hold.Reason} (now {hold.Value})", cancellationToken).ConfigureAwait(false);
        }

        var previous = before.Conditions.Find(ConditionTypes.Ready);
        if (run.MarkerErrors.Count > 0 && (previous?.Reason != Reasons.MarkerInvalid || previous.Message != run.Message))
        {
            await events.RecordAsync(automation, EventRecorder.Warning, Reasons.MarkerInvalid, run.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WorkResult> FailAsync(
        ImageUpdateAutomation automation, ImageUpdateAutomationStatus current, SpecProblem problem, TimeSpan interval, CancellationToken cancellationToken)
    {
        var generation = automation.Metadata.Generation ?? 0;
        var requestedAt = ImageUpdateAutomationTriggers.RequestedAt(automation);
        var failed = ImageUpdateAutomationStatuses.Failed(current, problem.Reason, problem.Message, problem.Stalled, generation, requestedAt, time.GetUtcNow());
        await WriteIfChangedAsync(automation, current, failed, cancellationToken).ConfigureAwait(false);
        var before = current.Conditions.Find(ConditionTypes.Ready);
        if (before?.Reason != problem.Reason || before.Message != problem.Message)
        {
            await events.RecordAsync(automation, EventRecorder.Warning, problem.Reason, problem.Message, cancellationToken).ConfigureAwait(false);
        }

        // A spec change queues a stalled automation again; anything else is retried with back-off up to the interval.
        return problem.Stalled
            ? WorkResult.Done
            : WorkResult.Failure($"{problem.Reason}: {problem.Message}", new Backoff(FirstRetry, interval < FirstRetry ? FirstRetry : interval));
    }

    private async Task WriteIfChangedAsync(
        ImageUpdateAutomation automation, ImageUpdateAutomationStatus current, ImageUpdateAutomationStatus desired, CancellationToken cancellationToken)
    {
        if (current.SameAs(desired))
        {
            return;
        }

        var patch = new V1Patch(KubernetesJson.Serialize(new { status = desired }), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            patch, GitOpsApi.Group, GitOpsApi.Version, automation.Metadata.NamespaceProperty, GitOpsApi.ImageUpdateAutomationPlural, automation.Metadata.Name,
            fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ImageUpdateAutomation {Namespace}/{Name} pushed {Count} release(s) in {Commit}")]
    private static partial void LogPushed(ILogger logger, string @namespace, string name, int count, string commit);
}
