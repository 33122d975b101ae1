using System.Collections.Concurrent;
using GitOpsOperator.Queue;
using GitOpsOperator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.Queue;

/// <summary>A running queue whose handler records every run and can be held open per key.</summary>
internal sealed class QueueHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> holds = new();
    private readonly ConcurrentQueue<string> started = new();
    private readonly ConcurrentQueue<string> finished = new();
    private readonly Func<string, int, WorkResult> outcome;
    private readonly ConcurrentDictionary<string, int> runs = new();
    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private readonly Task running;
    private int active;
    private int maxActive;
    private int overlapping;

    public QueueHarness(WorkQueueOptions options, Func<string, int, WorkResult>? outcome = null, ManualTimeProvider? time = null)
    {
        this.outcome = outcome ?? ((_, _) => WorkResult.Done);
        Queue = new WorkQueue<string>(HandleAsync, options, NullLogger.Instance, time);
        running = Queue.RunAsync(stop.Token);
    }

    public WorkQueue<string> Queue { get; }

    public IReadOnlyList<string> Started => [.. started];

    public IReadOnlyList<string> Finished => [.. finished];

    public int MaxActive => Volatile.Read(ref maxActive);

    /// <summary>How often a key started while another run of the same key was still going.</summary>
    public int Overlapping => Volatile.Read(ref overlapping);

    public Task Running => running;

    public int RunsOf(string key) => runs.GetValueOrDefault(key);

    /// <summary>Runs of this key wait until <see cref="Release"/>.</summary>
    public void Hold(string key) => holds[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string key)
    {
        if (holds.TryRemove(key, out var hold))
        {
            hold.SetResult();
        }
    }

    public void Stop() => stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        foreach (var key in holds.Keys)
        {
            Release(key);
        }

        await stop.CancelAsync();
        await running;
        Queue.Dispose();
        stop.Dispose();
    }

    private async Task<WorkResult> HandleAsync(string key, CancellationToken cancellationToken)
    {
        if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref overlapping);
        }

        var now = Interlocked.Increment(ref active);
        InterlockedMax(ref maxActive, now);
        started.Enqueue(key);
        var run = runs.AddOrUpdate(key, 1, (_, n) => n + 1);
        try
        {
            if (holds.TryGetValue(key, out var hold))
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            return outcome(key, run);
        }
        finally
        {
            Interlocked.Decrement(ref active);
            inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            finished.Enqueue(key);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
