using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Queue;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// A controller whose whole job is a status: it watches one kind and, for each object, writes what
/// <c>desired(object, delayPassed)</c> answers. Objects whose ready delay has not passed are looked at again
/// when it has.
/// </summary>
internal sealed class StatusController<T, TStatus> : ISimulatedController
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TStatus : class
{
    private readonly Informer<T> informer;
    private readonly WorkQueue<string> queue;
    private readonly ProgressClock clock;
    private readonly StatusWriter<T, TStatus> writer;
    private readonly Func<T, bool, TStatus?> desired;

    public StatusController(
        KindApi<T> api,
        ControllerOptions options,
        Func<T, TStatus?> read,
        Func<T, TStatus, T> withStatus,
        Func<T, bool, TStatus?> desired)
    {
        informer = ControllerInformers.For(api);
        queue = ControllerQueues.For(typeof(T).Name, ReconcileAsync);
        clock = new ProgressClock(options.ReadyDelay, TimeProvider.System);
        writer = new StatusWriter<T, TStatus>(api, read, withStatus);
        this.desired = desired;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watching = informer.RunAsync(OnChange, OnDeleted, cancellationToken);
        var working = WorkAsync(cancellationToken);
        await Task.WhenAll(watching, working).ConfigureAwait(false);
    }

    private void OnChange(T? previous, T item) => queue.Add(ObjectKey.Of(item));

    private void OnDeleted(T item) => clock.Forget(item.Metadata);

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await informer.WaitUntilSyncedAsync(cancellationToken).ConfigureAwait(false);
        await queue.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WorkResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (informer.Get(key) is not { } item || item.Metadata.DeletionTimestamp is not null)
        {
            return WorkResult.Done;
        }

        var remaining = clock.Remaining(item.Metadata);
        var due = remaining == TimeSpan.Zero;
        await writer.WriteAsync(item, fresh => desired(fresh, due), cancellationToken).ConfigureAwait(false);
        return due ? WorkResult.Done : WorkResult.After(remaining);
    }
}
