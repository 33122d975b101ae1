using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Machinery.Informers;

/// <summary>
/// A local copy of one collection, kept current by list + watch: it lists, watches from the list's resourceVersion
/// (with bookmarks), resumes from the last version seen when the server ends a watch, and lists again when the server
/// answers 410 Gone. The loop is supervised: whatever fails in it (a refused list, a broken stream, a handler that
/// throws) is logged, marks the cache not synced (so nobody trusts it meanwhile) and is retried after a back-off.
/// </summary>
public sealed class Informer<T>
    where T : class
{
    private readonly IListWatchSource<T> source;
    private readonly ILogger logger;
    private readonly InformerOptions options;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<(string Namespace, string Name), T> objects = new();
    private readonly Lock gate = new();
    private TaskCompletionSource stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool synced;
    private InformerFailure? failure;

    public Informer(IListWatchSource<T> source, ILogger logger, InformerOptions? options = null, TimeProvider? time = null)
    {
        this.source = source;
        this.logger = logger;
        this.options = options ?? InformerOptions.Default;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Raised after the cache became synced or stopped being synced (see <see cref="Failure"/> for why).</summary>
    public event Action<Informer<T>>? StateChanged;

    /// <summary>What this informer lists, as its source describes it.</summary>
    public string Description => source.Description;

    /// <summary>True while the cache holds the whole collection as of its last list and the watch since.</summary>
    public bool IsSynced
    {
        get
        {
            lock (gate)
            {
                return synced;
            }
        }
    }

    /// <summary>The failure that keeps the cache from being synced now; null when synced or still starting.</summary>
    public InformerFailure? Failure
    {
        get
        {
            lock (gate)
            {
                return failure;
            }
        }
    }

    /// <summary>Every object as last seen.</summary>
    public IEnumerable<T> Items => objects.Values;

    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public T? Get(string namespaceName, string name) => objects.GetValueOrDefault((namespaceName, name));

    /// <summary>Takes an object the caller got from the server (a write's answer) unless the cache already holds a newer one.</summary>
    public void Offer(T item) => objects.AddOrUpdate(source.KeyOf(item), item, (_, held) => IsNewer(item, held) ? item : held);

    /// <summary>Drops an object the caller deleted.</summary>
    public void Forget(string namespaceName, string name) => objects.TryRemove((namespaceName, name), out _);

    /// <summary>Waits until the cache is synced.</summary>
    public Task WaitUntilSyncedAsync(CancellationToken cancellationToken) => WaitAsync(() => synced, cancellationToken);

    /// <summary>Waits until the cache is synced (null) or the server refused the operator the list or watch (that failure).</summary>
    public async Task<InformerFailure?> WaitForSyncOrRefusalAsync(CancellationToken cancellationToken)
    {
        await WaitAsync(() => synced || failure is { IsAccessDenied: true }, cancellationToken).ConfigureAwait(false);
        return Failure is { IsAccessDenied: true } refused && !IsSynced ? refused : null;
    }

    /// <summary>
    /// Lists and watches until cancelled, telling <paramref name="changed"/> (previous, current) about every object that
    /// arrives or changes, and <paramref name="deleted"/> about every object that goes away.
    /// </summary>
    public async Task RunAsync(Action<T?, T> changed, Action<T> deleted, CancellationToken cancellationToken)
    {
        var random = new Random();
        var failures = 0;
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await ListAsync(changed, deleted, cancellationToken).ConfigureAwait(false);
                resourceVersion = await WatchAsync(resourceVersion, changed, deleted, cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A watch the network or an overloaded server broke resumes from the last version seen; anything else
                // (a refused list or watch, an expired version, a handler that threw) needs a new list to be trusted.
                var resume = resourceVersion is not null && IsTransient(error);
                resourceVersion = resume ? resourceVersion : null;
                failures++;
                var delay = options.BackoffAfter(failures, random);
                Failed(error, delay, resume);
                try
                {
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static bool IsTransient(Exception error) =>
        error is ListWatchException { StatusCode: 0 or 429 or >= 500 } or IOException or HttpRequestException;

    private async Task<string> ListAsync(Action<T?, T> changed, Action<T> deleted, CancellationToken cancellationToken)
    {
        var listed = await source.ListAsync(cancellationToken).ConfigureAwait(false);
        var present = new HashSet<(string, string)>();
        foreach (var item in listed.Items)
        {
            var key = source.KeyOf(item);
            present.Add(key);
            var held = objects.GetValueOrDefault(key);
            objects[key] = item;
            if (held is null || source.ResourceVersionOf(held) != source.ResourceVersionOf(item))
            {
                changed(held, item);
            }
        }

        foreach (var (key, gone) in objects.Where(pair => !present.Contains(pair.Key)).ToList())
        {
            objects.TryRemove(key, out _);
            deleted(gone);
        }

        Synced();
        return listed.ResourceVersion;
    }

    /// <summary>Watches until the server ends the watch; returns the version to resume from, or null when only a new list helps.</summary>
    private async Task<string?> WatchAsync(string resourceVersion, Action<T?, T> changed, Action<T> deleted, CancellationToken cancellationToken)
    {
        await foreach (var change in source.WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false))
        {
            switch (change)
            {
                case { Kind: WatchEventKind.Error, Error: { IsExpired: true } }:
                    InformerLog.Expired(logger, source.Description);
                    Unsynced(null);
                    return null;
                case { Kind: WatchEventKind.Error }:
                    throw change.Error ?? new ListWatchException(0, "the watch reported an error without a status");
                case { Kind: WatchEventKind.Bookmark }:
                    break;
                case { Kind: WatchEventKind.Deleted, Object: { } item }:
                    var key = source.KeyOf(item);
                    objects.TryRemove(key, out _);
                    deleted(item);
                    break;
                case { Object: { } item }:
                    var held = objects.GetValueOrDefault(source.KeyOf(item));
                    objects[source.KeyOf(item)] = item;
                    changed(held, item);
                    break;
                default:
                    break;
            }

            resourceVersion = change.ResourceVersion.Length > 0 ? change.ResourceVersion : resourceVersion;
        }

        return resourceVersion;
    }

    private void Synced()
    {
        InformerFailure? recovered;
        lock (gate)
        {
            recovered = failure;
            synced = true;
            failure = null;
        }

        if (recovered is not null)
        {
            InformerLog.Recovered(logger, source.Description);
        }

        Signal();
    }

    private void Failed(Exception error, TimeSpan delay, bool resuming)
    {
        var (code, message) = error is ListWatchException refused ? (refused.StatusCode, refused.Message) : (0, error.Message);
        if (error is ListWatchException or IOException or HttpRequestException)
        {
            InformerLog.Refused(logger, source.Description, message, delay.TotalMilliseconds);
        }
        else
        {
            InformerLog.LoopFailed(logger, error, source.Description, delay.TotalMilliseconds);
        }

        if (!resuming)
        {
            Unsynced(new InformerFailure(source.Description, code, message, time.GetUtcNow()));
        }
    }

    private void Unsynced(InformerFailure? cause)
    {
        lock (gate)
        {
            synced = false;
            failure = cause is not null && failure is { } earlier && earlier.StatusCode == cause.StatusCode && earlier.Message == cause.Message
                ? earlier
                : cause ?? failure;
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource fired;
        lock (gate)
        {
            fired = stateChanged;
            stateChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        fired.TrySetResult();
        StateChanged?.Invoke(this);
    }

    private async Task WaitAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (done())
                {
                    return;
                }

                next = stateChanged.Task;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsNewer(T offered, T held) =>
        !long.TryParse(source.ResourceVersionOf(held), NumberStyles.None, CultureInfo.InvariantCulture, out var heldVersion)
        || !long.TryParse(source.ResourceVersionOf(offered), NumberStyles.None, CultureInfo.InvariantCulture, out var offeredVersion)
        || offeredVersion >= heldVersion;
}
