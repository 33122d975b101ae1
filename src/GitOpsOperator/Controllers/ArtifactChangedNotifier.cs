using System.Collections.Immutable;

namespace GitOpsOperator.Controllers;

/// <summary>
/// In-process notice of new artifacts: the GitRepository controller publishes, other controllers (GitSync)
/// subscribe so they act on a new revision without waiting for their own interval. Subscribers are called on
/// the publisher's thread and must only queue work.
/// </summary>
public sealed class ArtifactChangedNotifier
{
    private ImmutableList<Action<ArtifactChanged>> subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> for every change published until the result is disposed.</summary>
    public IDisposable Subscribe(Action<ArtifactChanged> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(subscriber));
        return new Subscription(() => ImmutableInterlocked.Update(ref subscribers, list => list.Remove(subscriber)));
    }

    public void Publish(ArtifactChanged change)
    {
        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            subscriber(change);
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
