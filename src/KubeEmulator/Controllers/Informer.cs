using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// Keeps a local copy of every object of one kind by list and watch, and tells its handler about every change.
/// A watch that ends is resumed from the last resourceVersion seen; a watch error (such as 410 Gone) or a failed
/// request starts over with a fresh list, after a backoff that never lets a failing server make it spin.
/// </summary>
internal sealed class Informer<T>(KindApi<T> api, Action<T, bool> onChange)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthyWatch = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, T> cache = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first list is in the cache.</summary>
    public Task Synced => synced.Task;

    /// <summary>The objects as last seen.</summary>
    public ICollection<T> Items => cache.Values;

    public bool TryGet(string key, out T value) => cache.TryGetValue(key, out value!);

    /// <summary>Lists and watches until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var backoff = MinBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = DateTimeOffset.UtcNow;
            var healthy = false;
            try
            {
                resourceVersion ??= await RelistAsync(cancellationToken).ConfigureAwait(false);
                var (lastVersion, failed) = await WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                resourceVersion = failed ? null : lastVersion;
                healthy = !failed && DateTimeOffset.UtcNow - started >= HealthyWatch;
            }
            catch (Exception e) when (ApiErrors.IsTransient(e, cancellationToken))
            {
                resourceVersion = null;
            }

            backoff = healthy ? MinBackoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            if (!healthy)
            {
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var snapshot = await api.List(cancellationToken).ConfigureAwait(false);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in snapshot.Items)
        {
            var key = ObjectKey.Of(item);
            present.Add(key);
            var known = cache.TryGetValue(key, out var old) && old.ResourceVersion() == item.ResourceVersion();
            cache[key] = item;
            if (!known)
            {
                onChange(item, false);
            }
        }

        foreach (var (key, gone) in cache.Where(entry => !present.Contains(entry.Key)).ToList())
        {
            cache.TryRemove(key, out _);
            onChange(gone, true);
        }

        synced.TrySetResult();
        return snapshot.ResourceVersion;
    }

    private async Task<(string ResourceVersion, bool Failed)> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var failed = false;
        var events = api.Watch(resourceVersion, _ => failed = true, cancellationToken);
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            resourceVersion = item.ResourceVersion() ?? resourceVersion;
            switch (type)
            {
                case WatchEventType.Added or WatchEventType.Modified:
                    cache[ObjectKey.Of(item)] = item;
                    onChange(item, false);
                    break;
                case WatchEventType.Deleted:
                    cache.TryRemove(ObjectKey.Of(item), out _);
                    onChange(item, true);
                    break;
                default:
                    break;
            }
        }

        return (resourceVersion, failed);
    }
}
