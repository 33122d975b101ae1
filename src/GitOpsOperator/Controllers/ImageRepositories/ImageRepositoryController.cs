using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// Serves ImageRepositories: the informer feeds the work queue on first sight, spec changes and new requestedAt
/// annotations; each reconcile asks to run again after spec.interval, after back-off when it failed, or after the
/// registry's Retry-After.
/// </summary>
public sealed class ImageRepositoryController : IController, IDisposable
{
    private readonly ImageRepositoryInformer informer;
    private readonly ScannedTags scanned;
    private readonly WorkQueue<ImageRepositoryKey> queue;

    public ImageRepositoryController(
        ImageRepositoryInformer informer,
        ImageRepositoryReconciler reconciler,
        ScannedTags scanned,
        IOptions<OperatorOptions> options,
        OperatorMetrics metrics,
        LeadershipTerm term,
        TimeProvider time,
        ILogger<ImageRepositoryController> logger)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(term);
        this.informer = informer;
        this.scanned = scanned;
        var queueOptions = new WorkQueueOptions { Name = Kind, Concurrency = options.Value.Concurrency, Metrics = metrics, Abort = term.Lost };
        queue = new WorkQueue<ImageRepositoryKey>(reconciler.ReconcileAsync, queueOptions, logger, time);
    }

    public string Kind => GitOpsApi.ImageRepositoryKind;

    public void Dispose() => queue.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var work = queue.RunAsync(cancellationToken);
        await informer.RunAsync(Changed, gone => scanned.Forget(ImageRepositoryKey.Of(gone)), cancellationToken).ConfigureAwait(false);
        await work.ConfigureAwait(false);
    }

    private void Changed(ImageRepository? previous, ImageRepository current)
    {
        if (ImageRepositoryTriggers.Needs(previous, current))
        {
            queue.Add(ImageRepositoryKey.Of(current));
        }
    }
}
