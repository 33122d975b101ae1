using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Queue;

/// <summary>
/// The queue the controllers share. A key waiting to run is held once however often it is added; a key is
/// never worked on by two workers at once (added while running, it runs once more afterwards); at most
/// <see cref="WorkQueueOptions.Concurrency"/> keys run together. Failures are retried with per-key exponential
/// back-off that resets on success; <see cref="AddAfter"/> schedules a key for later (the earliest schedule wins).
/// Keys added at <see cref="WorkPriority.Low"/> wait until no <see cref="WorkPriority.Normal"/> key does.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable where TKey : notnull
{
    private readonly Func<TKey, CancellationToken, Task<WorkResult>> handler;
    private readonly WorkQueueOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly Lock gate = new();
    private readonly Channel<bool> ready = Channel.CreateUnbounded<bool>();
    private readonly Queue<(TKey Key, long Turn)> normalLane = new();
    private readonly Queue<(TKey Key, long Turn)> lowLane = new();
    private readonly Dictionary<TKey, (WorkPriority Priority, long Turn)> waiting = [];
    private readonly HashSet<TKey> running = [];
    private readonly Dictionary<TKey, DateTimeOffset> scheduled = [];
    private readonly Dictionary<TKey, int> failures = [];
    private readonly CancellationTokenSource timers = new();
    private int depth;
    private long turns;
    private bool shuttingDown;

    public WorkQueue(
        Func<TKey, CancellationToken, Task<WorkResult>> handler,
        WorkQueueOptions options,
        ILogger logger,
        TimeProvider? time = null,
        Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1);
        this.handler = handler;
        this.options = options;
        this.logger = logger;
        this.time = time ?? TimeProvider.System;
        this.random = random ?? Random.Shared;
        options.Metrics.QueueCreated(options.Name);
    }

    /// <summary>How many keys are waiting for a worker (the depth gauge).</summary>
    public int Depth => Volatile.Read(ref depth);

    /// <summary>Queues the key unless it is already waiting; ignored once shutdown began.</summary>
    public void Add(TKey key) => Add(key, WorkPriority.Normal);

    /// <summary>
    /// Queues the key in the priority's lane unless it is already waiting there or higher (a key waiting low moves up to
    /// normal); ignored once shutdown began.
    /// </summary>
    public void Add(TKey key, WorkPriority priority)
    {
        lock (gate)
        {
            if (shuttingDown)
            {
                return;
            }

            if (waiting.TryGetValue(key, out var held))
            {
                if (held.Priority < priority)
                {
                    waiting[key] = (priority, ++turns);
                    if (!running.Contains(key))
                    {
                        Lane(priority).Enqueue((key, turns));
                    }
                }

                return;
            }

            waiting[key] = (priority, ++turns);
            if (!running.Contains(key))
            {
                Enqueue(key);
            }
        }
    }

    /// <summary>Queues the key after the delay; when the key is already scheduled, the earlier time wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        var due = time.GetUtcNow() + delay;
        lock (gate)
        {
            if (shuttingDown || (scheduled.TryGetValue(key, out var existing) && existing <= due))
            {
                return;
            }

            scheduled[key] = due;
        }

        _ = AddWhenDueAsync(key, due, delay);
    }

    /// <summary>
    /// Works on queued keys until the token is cancelled. Then no further key is taken, in-flight work may
    /// finish within the grace period after which its token is cancelled, and the call returns once every
    /// worker is idle. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var workCancellation = new CancellationTokenSource();
        using (stoppingToken.Register(() => BeginShutdown(workCancellation)))
        using (options.Abort.Register(() => Abort(workCancellation)))
        {
            var workers = Enumerable.Range(0, options.Concurrency).Select(_ => WorkAsync(workCancellation.Token));
            await Task.WhenAll(workers.ToArray()).ConfigureAwait(false);
        }
    }

    public void Dispose() => timers.Dispose();

    /// <summary>Puts a waiting key in its lane; one token in <see cref="ready"/> stands for each key in the lanes.</summary>
    private void Enqueue(TKey key)
    {
        var (priority, turn) = waiting[key];
        Lane(priority).Enqueue((key, turn));
        depth++;
        options.Metrics.DepthChanged(options.Name, depth);
        ready.Writer.TryWrite(true);
    }

    private Queue<(TKey Key, long Turn)> Lane(WorkPriority priority) => priority == WorkPriority.Low ? lowLane : normalLane;

    /// <summary>The next key to run: normal lane first. Entries left behind by a move up or an earlier run are skipped.</summary>
    private TKey Next()
    {
        foreach (var lane in new[] { normalLane, lowLane })
        {
            while (lane.TryDequeue(out var entry))
            {
                if (waiting.TryGetValue(entry.Key, out var held) && held.Turn == entry.Turn && !running.Contains(entry.Key))
                {
                    return entry.Key;
                }
            }
        }

        throw new InvalidOperationException("a ready token without a waiting key");
    }

    private async Task AddWhenDueAsync(TKey key, DateTimeOffset due, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, timers.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (gate)
        {
            if (!scheduled.TryGetValue(key, out var current) || current != due)
            {
                return;
            }

            scheduled.Remove(key);
        }

        Add(key);
    }

    private void Abort(CancellationTokenSource workCancellation)
    {
        BeginShutdown(workCancellation);
        workCancellation.Cancel();
    }

    private void BeginShutdown(CancellationTokenSource workCancellation)
    {
        lock (gate)
        {
            shuttingDown = true;
        }

        ready.Writer.TryComplete();
        timers.Cancel();
        workCancellation.CancelAfter(options.ShutdownGracePeriod);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (await ready.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (TryTake(out var key, out var stopped))
            {
                await ProcessAsync(key, cancellationToken).ConfigureAwait(false);
            }
            else if (stopped)
            {
                return;
            }
        }
    }

    private bool TryTake(out TKey key, out bool stopped)
    {
        lock (gate)
        {
            stopped = shuttingDown;
            if (stopped || !ready.Reader.TryRead(out _))
            {
                key = default!;
                return false;
            }

            key = Next();
            depth--;
            options.Metrics.DepthChanged(options.Name, depth);
            waiting.Remove(key);
            running.Add(key);
            return true;
        }
    }

    private async Task ProcessAsync(TKey key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var result = await InvokeAsync(key, cancellationToken).ConfigureAwait(false);
        if (result is not null)
        {
            options.Metrics.Processed(options.Name, !result.Failed, time.GetElapsedTime(started));
        }

        lock (gate)
        {
            running.Remove(key);
            if (waiting.ContainsKey(key) && !shuttingDown)
            {
                Enqueue(key);
            }
        }

        if (result is not null)
        {
            Schedule(key, result);
        }
    }

    private async Task<WorkResult?> InvokeAsync(TKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await handler(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Work on {Key} threw; it is retried with back-off", key);
            return WorkResult.Failure(exception.GetType().Name);
        }
    }

    private void Schedule(TKey key, WorkResult result)
    {
        if (!result.Failed)
        {
            lock (gate)
            {
                failures.Remove(key);
            }

            if (result.RequeueAfter is { } after)
            {
                AddAfter(key, after);
            }

            return;
        }

        int count;
        TimeSpan delay;
        lock (gate)
        {
            count = failures[key] = failures.GetValueOrDefault(key) + 1;
            delay = (result.Backoff ?? options.Backoff).DelayAfter(count, random);
        }

        logger.LogDebug("Work on {Key} failed ({Failures} in a row): {Error}; retry in {Delay}", key, count, result.Error, delay);
        AddAfter(key, delay);
    }
}
