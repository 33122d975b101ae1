using GitOpsOperator.Api;
using GitOpsOperator.Controllers.ImagePolicies;
using GitOpsOperator.Hosting;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// Serves ImageUpdateAutomations: the informer feeds the work queue on first sight, spec changes and new requestedAt
/// annotations, the ImagePolicy reconciler's new selections queue every automation that may use the policy; each run
/// asks to run again after spec.interval (which also notices reverts and hand edits).
/// </summary>
public sealed class ImageUpdateAutomationController : IController, IDisposable
{
    private readonly ImageUpdateAutomationInformer informer;
    private readonly PolicySelections selections;
    private readonly bool noCrossNamespaceRefs;
    private readonly WorkQueue<ImageUpdateAutomationKey> queue;

    public ImageUpdateAutomationController(
        ImageUpdateAutomationInformer informer,
        ImageUpdateAutomationReconciler reconciler,
        PolicySelections selections,
        IOptions<OperatorOptions> options,
        OperatorMetrics metrics,
        LeadershipTerm term,
        TimeProvider time,
        ILogger<ImageUpdateAutomationController> logger)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(term);
        this.informer = informer;
        this.selections = selections;
        noCrossNamespaceRefs = options.Value.NoCrossNamespaceRefs;
        var queueOptions = new WorkQueueOptions { Name = Kind, Concurrency = options.Value.Concurrency, Metrics = metrics, Abort = term.Lost };
        queue = new WorkQueue<ImageUpdateAutomationKey>(reconciler.ReconcileAsync, queueOptions, logger, time);
    }

    public string Kind => GitOpsApi.ImageUpdateAutomationKind;

    public void Dispose() => queue.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var subscription = selections.Subscribe(PolicySelected);
        var work = queue.RunAsync(cancellationToken);
        await informer.RunAsync(Changed, cancellationToken).ConfigureAwait(false);
        await work.ConfigureAwait(false);
    }

    private void Changed(ImageUpdateAutomation? previous, ImageUpdateAutomation current)
    {
        if (ImageUpdateAutomationTriggers.Needs(previous, current))
        {
            queue.Add(ImageUpdateAutomationKey.Of(current));
        }
    }

    // A marker may name a policy of any namespace unless --no-cross-namespace-refs: then only its own namespace's count.
    private void PolicySelected(ImagePolicyKey policy)
    {
        foreach (var automation in informer.All)
        {
            if (!noCrossNamespaceRefs || automation.Metadata.NamespaceProperty == policy.Namespace)
            {
                queue.Add(ImageUpdateAutomationKey.Of(automation));
            }
        }
    }
}
