using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Queue;

/// <summary>
/// The queue the controllers share. A key waiting to run is held once however often it is added; a key is
/// never worked on by two workers at once (added while running, it runs once more afterwards); at most
/// <see cref="WorkQueueOptions.Concurrency"/> keys run together. Failures are retried with per-key exponential
/// back-off that resets on success; <see cref="AddAfter"/> schedules a key for later (the earliest schedule wins).
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable where TKey : notnull
{
    private readonly Func<TKey, CancellationToken, Task<WorkResult>> handler;
    private readonly WorkQueueOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly Lock gate = new();
    private readonly Channel<TKey> ready = Channel.CreateUnbounded<TKey>();
    private readonly HashSet<TKey> waiting = [];
    private readonly HashSet<TKey> running = [];
    private readonly Dictionary<TKey, DateTimeOffset> scheduled = [];
    private readonly Dictionary<TKey, int> failures = [];
    private readonly CancellationTokenSource timers = new();
    private int depth;
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
    public void Add(TKey key)
    {
        lock (gate)
        {
            if (shuttingDown || !waiting.Add(key) || running.Contains(key))
            {
                return;
            }

            Enqueue(key);
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

    private void Enqueue(TKey key)
    {
        depth++;
        options.Metrics.DepthChanged(options.Name, depth);
        ready.Writer.TryWrite(key);
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
            if (stopped || !ready.Reader.TryRead(out key!))
            {
                key = default!;
                return false;
            }

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
            if (waiting.Contains(key) && !shuttingDown)
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
