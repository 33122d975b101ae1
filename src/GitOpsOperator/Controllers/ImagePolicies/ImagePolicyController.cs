using GitOpsOperator.Api;
using GitOpsOperator.Controllers.ImageRepositories;
using GitOpsOperator.Hosting;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>
/// Serves ImagePolicies. The work queue is fed by the ImagePolicy watch (first sight, spec changes) and by their
/// ImageRepositories' new tag sets; a policy has no interval of its own.
/// </summary>
public sealed class ImagePolicyController : IController, IDisposable
{
    private readonly ImagePolicyInformer informer;
    private readonly ScannedTags scanned;
    private readonly WorkQueue<ImagePolicyKey> queue;

    public ImagePolicyController(
        ImagePolicyInformer informer,
        ImagePolicyReconciler reconciler,
        ScannedTags scanned,
        IOptions<OperatorOptions> options,
        OperatorMetrics metrics,
        LeadershipTerm term,
        TimeProvider time,
        ILogger<ImagePolicyController> logger)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(term);
        this.informer = informer;
        this.scanned = scanned;
        var queueOptions = new WorkQueueOptions { Name = Kind, Concurrency = options.Value.Concurrency, Metrics = metrics, Abort = term.Lost };
        queue = new WorkQueue<ImagePolicyKey>(reconciler.ReconcileAsync, queueOptions, logger, time);
    }

    public string Kind => GitOpsApi.ImagePolicyKind;

    public void Dispose() => queue.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var subscription = scanned.Subscribe(RepositoryChanged);
        var work = queue.RunAsync(cancellationToken);
        await informer.RunAsync(Changed, cancellationToken).ConfigureAwait(false);
        await work.ConfigureAwait(false);
    }

    private void Changed(ImagePolicy? previous, ImagePolicy current)
    {
        if (previous is null || previous.Metadata.Generation != current.Metadata.Generation)
        {
            queue.Add(ImagePolicyKey.Of(current));
        }
    }

    private void RepositoryChanged(ImageRepositoryKey repository)
    {
        foreach (var policy in informer.All)
        {
            if (policy.Metadata.NamespaceProperty == repository.Namespace && policy.Spec.ImageRepositoryRef.Name == repository.Name)
            {
                queue.Add(ImagePolicyKey.Of(policy));
            }
        }
    }
}
