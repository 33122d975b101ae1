using System.Collections.Concurrent;
using System.Threading.Channels;

namespace KubeEmulator.Controllers;

/// <summary>
/// Keys waiting to be reconciled. A key already waiting is not queued twice; a delayed add keeps only the
/// earliest time asked for.
/// </summary>
internal sealed class WorkQueue(TimeProvider time)
{
    private readonly Channel<string> ready = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> scheduled = new(StringComparer.Ordinal);

    public void Add(string key)
    {
        if (waiting.TryAdd(key, 0))
        {
            ready.Writer.TryWrite(key);
        }
    }

    /// <summary>Adds the key once <paramref name="delay"/> has passed (at once when it is not positive).</summary>
    public void AddAfter(string key, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        var due = time.GetUtcNow() + delay;
        var kept = scheduled.AddOrUpdate(key, due, (_, earlier) => earlier <= due ? earlier : due);
        if (kept == due)
        {
            _ = AddWhenDueAsync(key, due, delay, cancellationToken);
        }
    }

    public ValueTask<string> TakeAsync(CancellationToken cancellationToken) => TakeCoreAsync(cancellationToken);

    /// <summary>Reconciles keys one at a time until cancelled; a transient API failure queues the key again after retryDelay.</summary>
    public async Task ProcessAsync(Func<string, CancellationToken, Task> reconcile, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = await TakeAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await reconcile(key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ApiErrors.IsTransient(e, cancellationToken))
            {
                AddAfter(key, retryDelay, cancellationToken);
            }
        }
    }

    private async ValueTask<string> TakeCoreAsync(CancellationToken cancellationToken)
    {
        var key = await ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        waiting.TryRemove(key, out _);
        return key;
    }

    private async Task AddWhenDueAsync(string key, DateTimeOffset due, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (scheduled.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, due)))
        {
            Add(key);
        }
    }
}
