using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Sync.Live;

/// <summary>
/// The live objects of every kind the sync engine was asked about, kept current by one list-then-watch per kind.
/// Reading from it costs no request; subscribers hear every change (drift on managed objects, health progress).
/// </summary>
public sealed class LiveObjectCache(KubeApi api) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Group, string Kind), Lazy<Watched>> informers = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Action<LiveObjectEvent>[] subscribers = [];

    /// <summary>Starts watching the kind (once) and waits until its first list has arrived.</summary>
    public async Task WatchAsync(ResourceType resource, CancellationToken cancellationToken)
    {
        var watched = informers.GetOrAdd((resource.Type.Group, resource.Type.Kind), _ => new Lazy<Watched>(() => Start(resource))).Value;
        await watched.Informer.Synced.WaitAsync(cancellationToken);
    }

    /// <summary>The live object, or null when it does not exist (or its kind is not watched).</summary>
    public JsonObject? Get(ObjectIdentity identity) =>
        informers.TryGetValue((identity.Group, identity.Kind), out var watched) && watched.IsValueCreated
            ? watched.Value.Informer.Get(identity.Namespace, identity.Name)
            : null;

    /// <summary>Records an object the server returned from a write, so the next read sees at least that version.</summary>
    public void Offer(JsonObject obj)
    {
        var identity = ObjectJson.Identity(obj);
        if (informers.TryGetValue((identity.Group, identity.Kind), out var watched) && watched.IsValueCreated)
        {
            watched.Value.Informer.Offer(obj);
        }
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
            try
            {
                await watched.Value.Loop;
            }
            catch (OperationCanceledException)
            {
                // Expected: the loops end with the cache.
            }
        }

        stopping.Dispose();
    }

    private Watched Start(ResourceType resource)
    {
        var informer = new KindInformer(api, resource, Publish);
        return new Watched(informer, Task.Run(() => informer.RunAsync(stopping.Token)));
    }

    private void Publish(LiveObjectEvent change)
    {
        foreach (var handler in Volatile.Read(ref subscribers))
        {
            handler(change);
        }
    }

    private sealed record Watched(KindInformer Informer, Task Loop);

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
