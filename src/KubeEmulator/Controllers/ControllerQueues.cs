using GitOpsOperator.Queue;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeEmulator.Controllers;

/// <summary>
/// The simulated controllers' work queues: the shared <see cref="WorkQueue{TKey}"/> of namespace/name keys, one key at
/// a time, a failed key retried after a second or a few, and stopping at once when the emulator stops.
/// </summary>
internal static class ControllerQueues
{
    public static WorkQueue<string> For(string name, Func<string, CancellationToken, Task<WorkResult>> reconcile) => new(
        reconcile,
        new WorkQueueOptions
        {
            Name = name,
            Concurrency = 1,
            Backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)),
            ShutdownGracePeriod = TimeSpan.Zero,
        },
        NullLogger.Instance);
}
