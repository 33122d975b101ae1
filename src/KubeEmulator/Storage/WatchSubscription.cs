using System.Threading.Channels;

namespace KubeEmulator.Storage;

/// <summary>A watcher's view of the store: events for one collection (optionally one namespace), in revision order.</summary>
internal sealed class WatchSubscription(string storeKey, string? ns, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<WatchEvent> channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<WatchEvent> Events => channel.Reader;

    public bool Matches(WatchEvent change) => change.StoreKey == storeKey && (ns is null || change.Namespace == ns);

    public void Deliver(WatchEvent change) => channel.Writer.TryWrite(change);

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
