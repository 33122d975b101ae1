using GitOpsOperator.Api;
using GitOpsOperator.Queue;
using GitOpsOperator.Hosting;
using GitOpsOperator.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// Serves GitRepositories: the informer feeds the work queue on first sight, spec changes and new requestedAt
/// annotations; each reconcile asks to run again after spec.interval, or after back-off when it failed.
/// </summary>
public sealed class GitRepositoryController : IController, IDisposable
{
    private readonly GitRepositoryInformer informer;
    private readonly WorkQueue<GitRepositoryKey> queue;

    public GitRepositoryController(
        GitRepositoryInformer informer,
        GitRepositoryReconciler reconciler,
        IOptions<OperatorOptions> options,
        OperatorMetrics metrics,
        LeadershipTerm term,
        TimeProvider time,
        ILogger<GitRepositoryController> logger)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(term);
        this.informer = informer;
        var queueOptions = new WorkQueueOptions { Name = Kind, Concurrency = options.Value.Concurrency, Metrics = metrics, Abort = term.Lost };
        queue = new WorkQueue<GitRepositoryKey>(reconciler.ReconcileAsync, queueOptions, logger, time);
    }

    public string Kind => "GitRepository";

    public void Dispose() => queue.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var work = queue.RunAsync(cancellationToken);
        await informer.RunAsync(Changed, cancellationToken).ConfigureAwait(false);
        await work.ConfigureAwait(false);
    }

    private void Changed(GitRepository? previous, GitRepository current)
    {
        if (ReconcileTriggers.Needs(previous, current))
        {
            queue.Add(GitRepositoryKey.Of(current));
        }
    }
}
