using GitOpsOperator.Api;
using GitOpsOperator.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// Serves GitRepositories: the informer feeds the work queue on first sight, spec changes and new requestedAt
/// annotations; each reconcile asks to run again after spec.interval, or after back-off when it failed.
/// </summary>
public sealed class GitRepositoryController : BackgroundService
{
    private readonly GitRepositoryInformer informer;
    private readonly WorkQueue<GitRepositoryKey> queue;

    public GitRepositoryController(
        GitRepositoryInformer informer, GitRepositoryReconciler reconciler, TimeProvider time, ILogger<GitRepositoryController> logger)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        this.informer = informer;
        queue = new WorkQueue<GitRepositoryKey>(reconciler.ReconcileAsync, new WorkQueueOptions(), logger, time);
    }

    public override void Dispose()
    {
        queue.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var work = queue.RunAsync(stoppingToken);
        await informer.RunAsync(Changed, stoppingToken).ConfigureAwait(false);
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
