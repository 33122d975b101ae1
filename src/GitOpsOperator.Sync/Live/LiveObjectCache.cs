using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Sync.Live;

/// <summary>
/// The live objects the operator manages (those carrying the owner label <see cref="GitSyncOwner.NameLabel"/>) of every
/// kind the sync engine was asked about, kept current by one informer per kind — in the operator's namespace only when
/// it watches one. Reading from it costs no request; subscribers hear every change (drift, health progress).
/// </summary>
public sealed class LiveObjectCache(KubeApi api, string? watchedNamespace, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Group, string Kind), Lazy<Watched>> informers = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Action<LiveObjectEvent>[] subscribers = [];

    /// <summary>
    /// Starts watching the kind (once) and waits until its cache is synced. Returns null then, or why not: the server
    /// refused the list or watch (at once), or it did not complete within <paramref name="timeout"/>.
    /// </summary>
    public async Task<InformerFailure?> WatchAsync(ResourceType resource, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var informer = informers.GetOrAdd((resource.Type.Group, resource.Type.Kind), _ => new Lazy<Watched>(() => Start(resource))).Value.Informer;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await informer.WaitForSyncOrRefusalAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return informer.Failure ?? new InformerFailure(informer.Description, 0, $"not listed within {timeout}", DateTimeOffset.UtcNow);
        }
    }

    /// <summary>The live managed object, or null when there is none (or its kind is not watched).</summary>
    public LiveObject? Get(ObjectIdentity identity) =>
        informers.TryGetValue((identity.Group, identity.Kind), out var watched) && watched.IsValueCreated
            ? watched.Value.Informer.Get(identity.Namespace, identity.Name)
            : null;

    /// <summary>
    /// Records an object the server returned from a write, so the next read sees at least that version; returns what the
    /// cache keeps of it (its watch event for that version then reuses it).
    /// </summary>
    public LiveObject Offer(JsonObject obj)
    {
        var live = LiveObject.From(obj);
        if (informers.TryGetValue((live.Identity.Group, live.Identity.Kind), out var watched) && watched.IsValueCreated)
        {
            watched.Value.Informer.Offer(live);
        }

        return live;
    }

    /// <summary>Records that an object was deleted.</summary>
    public void ForgetDeleted(ObjectIdentity identity)
    {
        if (informers.TryGetValue((identity.Group, identity.Kind), out var watched) && watched.IsValueCreated)
        {
            watched.Value.Informer.Forget(identity.Namespace, identity.Name);
        }
    }

    /// <summary>Calls the handler for every change from now on, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<LiveObjectEvent> handler)
    {
        lock (gate)
        {
            subscribers = [.. subscribers, handler];
        }

        return new Subscription(() =>
        {
            lock (gate)
            {
                subscribers = subscribers.Where(h => h != handler).ToArray();
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var watched in informers.Values.Where(w => w.IsValueCreated))
        {
            await watched.Value.Loop;
        }

        stopping.Dispose();
    }

    private Watched Start(ResourceType resource)
    {
        Informer<LiveObject>? informer = null;
        var json = new JsonListWatch(api, resource, resource.Namespaced ? watchedNamespace : null, GitSyncOwner.NameLabel);
        var source = new LiveListWatch(json, (namespaceName, name) => informer?.Get(namespaceName, name));
        informer = new Informer<LiveObject>(source, loggers.CreateLogger<LiveObjectCache>());
        var loop = Task.Run(() => informer.RunAsync(
            (previous, current) => Publish(new LiveObjectEvent(Type(previous, current), current.Identity, current)),
            gone => Publish(new LiveObjectEvent("DELETED", gone.Identity, gone)),
            stopping.Token));
        return new Watched(informer, loop);
    }

    /// <summary>MODIFIED for a newer version of an object held; ADDED for one first heard of, or heard at the version a write's answer gave.</summary>
    private static string Type(LiveObject? previous, LiveObject current) =>
        previous is not null && previous.ResourceVersion != current.ResourceVersion ? "MODIFIED" : "ADDED";

    private void Publish(LiveObjectEvent change)
    {
        foreach (var handler in Volatile.Read(ref subscribers))
        {
            handler(change);
        }
    }

    private sealed record Watched(Informer<LiveObject> Informer, Task Loop);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
