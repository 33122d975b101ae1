using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Json;

namespace KubeEmulator.Storage;

/// <summary>
/// The cluster's objects, per collection ("group/plural"), with one global resourceVersion counter and a bounded
/// history of changes for watches. Stored objects are never mutated: writers hand in a fresh object and readers clone.
/// </summary>
internal sealed class ObjectStore(int historySize)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> collections = new(StringComparer.Ordinal);
    private readonly Queue<WatchEvent> history = new();
    private readonly List<WatchSubscription> subscribers = [];
    private readonly Dictionary<string, long> changedAt = new(StringComparer.Ordinal);
    private long revision = 1;
    private long droppedThrough;

    public long Revision
    {
        get
        {
            lock (gate)
            {
                return revision;
            }
        }
    }

    /// <summary>The revision of the collection's last change (0: never changed), for caches derived from it.</summary>
    public long CollectionRevision(string storeKey)
    {
        lock (gate)
        {
            return changedAt.GetValueOrDefault(storeKey);
        }
    }

    public static string KeyOf(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";

    public JsonObject? Get(string storeKey, string? ns, string name)
    {
        lock (gate)
        {
            return Collection(storeKey).GetValueOrDefault(KeyOf(ns, name));
        }
    }

    public ListPage List(string storeKey, string? ns, Func<JsonObject, bool> filter, int limit, string? continueAfter)
    {
        lock (gate)
        {
            var items = new List<JsonObject>();
            string? lastKey = null;
            long remaining = 0;
            var prefix = ns is null ? null : ns + "/";
            foreach (var (key, obj) in Collection(storeKey))
            {
                if ((prefix is not null && !key.StartsWith(prefix, StringComparison.Ordinal))
                    || (continueAfter is not null && string.CompareOrdinal(key, continueAfter) <= 0)
                    || !filter(obj))
                {
                    continue;
                }

                if (limit > 0 && items.Count >= limit)
                {
                    remaining++;
                    continue;
                }

                items.Add(obj);
                lastKey = key;
            }

            return new ListPage(items, revision, remaining > 0 ? lastKey : null, remaining);
        }
    }

    /// <summary>Every object of every collection matching the predicate, with its collection.</summary>
    public IReadOnlyList<(string StoreKey, JsonObject Object)> FindAll(Func<JsonObject, bool> predicate)
    {
        lock (gate)
        {
            return collections.SelectMany(c => c.Value.Values.Where(predicate).Select(o => (c.Key, o))).ToList();
        }
    }

    /// <summary>
    /// Stores the object when the stored version still has <paramref name="expectedResourceVersion"/> (null: the
    /// object must not exist yet), stamping the next resourceVersion on it.
    /// </summary>
    public (StoreOutcome Outcome, JsonObject? Stored) Put(string storeKey, JsonObject obj, string? expectedResourceVersion)
    {
        var ns = obj.Namespace();
        var key = KeyOf(ns, obj.Name());
        lock (gate)
        {
            var collection = Collection(storeKey);
            collection.TryGetValue(key, out var current);
            if (expectedResourceVersion is null && current is not null)
            {
                return (StoreOutcome.AlreadyExists, current);
            }

            if (expectedResourceVersion is not null)
            {
                if (current is null)
                {
                    return (StoreOutcome.Missing, null);
                }

                if (current.ResourceVersion() != expectedResourceVersion)
                {
                    return (StoreOutcome.Changed, current);
                }
            }

            revision++;
            changedAt[storeKey] = revision;
            obj.Metadata()["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            collection[key] = obj;
            Publish(new WatchEvent(current is null ? "ADDED" : "MODIFIED", storeKey, ns, obj, current, revision));
            return (StoreOutcome.Written, obj);
        }
    }

    /// <summary>Removes the object when it still has the expected resourceVersion (null: whatever is stored).</summary>
    public (StoreOutcome Outcome, JsonObject? Deleted) Delete(string storeKey, string? ns, string name, string? expectedResourceVersion)
    {
        var key = KeyOf(ns, name);
        lock (gate)
        {
            var collection = Collection(storeKey);
            if (!collection.TryGetValue(key, out var current))
            {
                return (StoreOutcome.Missing, null);
            }

            if (expectedResourceVersion is not null && current.ResourceVersion() != expectedResourceVersion)
            {
                return (StoreOutcome.Changed, current);
            }

            collection.Remove(key);
            revision++;
            changedAt[storeKey] = revision;
            var tombstone = current.Clone();
            tombstone.Metadata()["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Publish(new WatchEvent("DELETED", storeKey, ns, tombstone, current, revision));
            return (StoreOutcome.Written, tombstone);
        }
    }

    /// <summary>
    /// Starts a watch. With <paramref name="fromRevision"/> the changes after it are replayed from history (410 Gone
    /// when they are no longer all there); without it the current objects arrive first as ADDED events.
    /// </summary>
    public WatchSubscription Subscribe(string storeKey, string? ns, long? fromRevision)
    {
        lock (gate)
        {
            var subscription = new WatchSubscription(storeKey, ns, Unsubscribe);
            if (fromRevision is { } from)
            {
                if (from < droppedThrough)
                {
                    throw ApiException.Gone($"too old resource version: {from} ({droppedThrough + 1})");
                }

                foreach (var change in history.Where(e => e.Revision > from && subscription.Matches(e)))
                {
                    subscription.Deliver(change);
                }
            }
            else
            {
                var prefix = ns is null ? null : ns + "/";
                foreach (var (key, obj) in Collection(storeKey))
                {
                    if (prefix is null || key.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        subscription.Deliver(new WatchEvent("ADDED", storeKey, obj.Namespace(), obj, null, revision));
                    }
                }
            }

            subscribers.Add(subscription);
            return subscription;
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (gate)
        {
            subscribers.Remove(subscription);
        }
    }

    private void Publish(WatchEvent change)
    {
        history.Enqueue(change);
        while (history.Count > historySize)
        {
            droppedThrough = history.Dequeue().Revision;
        }

        foreach (var subscriber in subscribers)
        {
            if (subscriber.Matches(change))
            {
                subscriber.Deliver(change);
            }
        }
    }

    private SortedDictionary<string, JsonObject> Collection(string storeKey)
    {
        if (!collections.TryGetValue(storeKey, out var collection))
        {
            collection = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            collections[storeKey] = collection;
        }

        return collection;
    }

    /// <summary>Drops a whole collection (a deleted CRD's objects), announcing each deletion to watchers.</summary>
    public void DropCollection(string storeKey)
    {
        lock (gate)
        {
            foreach (var obj in Collection(storeKey).Values.ToList())
            {
                Delete(storeKey, obj.Namespace(), obj.Name(), null);
            }

            collections.Remove(storeKey);
        }
    }
}
