using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Controllers.GitSyncs.Targets;
using GitOpsOperator.Hosting;
using GitOpsOperator.Metrics;
using GitOpsOperator.Queue;
using GitOpsOperator.Sync;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Serves GitSyncs. The work queue is fed by the GitSync watch (first sight, spec changes, requestedAt, deletion), by
/// new artifacts of their sources, by drift on the objects they manage, by dependencies turning Ready, and by each
/// reconcile's own interval or retry. The sync engines and their live caches (the operator's cluster's and each remote
/// cluster's) live as long as the controller runs, a remote's only while a GitSync applies into it.
/// </summary>
public sealed class GitSyncController(
    GitSyncInformer informer,
    SourceArtifacts sources,
    GitSyncStates states,
    GitSyncRenderer renderer,
    SyncStatusWriter writer,
    SyncEvents events,
    GitSyncFinalizer finalizer,
    ArtifactChangedNotifier notifier,
    KubernetesClients clients,
    SecretReader secrets,
    GitSyncControllerOptions syncOptions,
    IOptions<OperatorOptions> options,
    OperatorMetrics metrics,
    LeadershipTerm term,
    TimeProvider time,
    ILoggerFactory loggers) : IController
{
    public string Kind => GitOpsApi.GitSyncKind;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var client = clients.Create();
        await using var sync = new SyncManager(client, options.Value.Namespace, loggers);
        await using var targets = new SyncTargets(sync, secrets, clients, options.Value.Namespace, loggers);
        var tenancy = GitSyncTenancy.From(options.Value);
        var revisions = new RevisionSync(renderer, writer, events, syncOptions, tenancy, metrics, time);
        var reconciler = new GitSyncReconciler(
            informer, sources, states, revisions, targets, writer, events, finalizer, syncOptions, tenancy, metrics, time, loggers.CreateLogger<GitSyncReconciler>());
        var queueOptions = new WorkQueueOptions { Name = Kind, Concurrency = options.Value.Concurrency, Metrics = metrics, Abort = term.Lost };
        using var queue = new WorkQueue<GitSyncKey>(reconciler.ReconcileAsync, queueOptions, loggers.CreateLogger<GitSyncController>(), time);
        using var drift = targets.Subscribe(new DriftWatcher(states, queue.Add).Handle);
        using var artifacts = notifier.Subscribe(change => ArtifactChanged(change, queue));
        var work = queue.RunAsync(cancellationToken);
        await informer.RunAsync((previous, current) => Changed(previous, current, queue), gone => Gone(GitSyncKey.Of(gone), targets), cancellationToken)
            .ConfigureAwait(false);
        await work.ConfigureAwait(false);
    }

    private void Gone(GitSyncKey key, SyncTargets targets)
    {
        states.Forget(key);
        targets.Release(key);
    }

    private void Changed(GitSync? previous, GitSync current, WorkQueue<GitSyncKey> queue)
    {
        var key = GitSyncKey.Of(current);
        if (GitSyncTriggers.Needs(previous, current))
        {
            if (previous is not null && previous.Metadata.Generation != current.Metadata.Generation)
            {
                states.Find(key)?.Supersede(null);
            }

            queue.Add(key);
        }

        if (GitSyncTriggers.ReadinessChanged(previous, current))
        {
            foreach (var dependent in informer.All.Where(d => GitSyncTriggers.DependsOn(d, key)))
            {
                queue.Add(GitSyncKey.Of(dependent));
            }
        }
    }

    private void ArtifactChanged(ArtifactChanged change, WorkQueue<GitSyncKey> queue)
    {
        sources.Announced(change);
        foreach (var gitSync in informer.All.Where(s => GitSyncTriggers.ReadsSource(s, change.Namespace, change.Name)))
        {
            var key = GitSyncKey.Of(gitSync);
            states.Find(key)?.Supersede(change.Revision);
            queue.Add(key);
        }
    }
}
