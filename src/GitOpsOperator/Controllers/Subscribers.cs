using System.Collections.Immutable;

namespace GitOpsOperator.Controllers;

/// <summary>
/// In-process publish/subscribe of one kind of notice between controllers. Subscribers are called on the publisher's
/// thread and must only queue work.
/// </summary>
public sealed class Subscribers<T>
{
    private ImmutableList<Action<T>> subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> for every notice published until the result is disposed.</summary>
    public IDisposable Subscribe(Action<T> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(subscriber));
        return new Subscription(() => ImmutableInterlocked.Update(ref subscribers, list => list.Remove(subscriber)));
    }

    public void Publish(T notice)
    {
        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            subscriber(notice);
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
