using System.Collections.Concurrent;

namespace KubeEmulator.Introspection;

/// <summary>Counts of the resource requests a cluster served, by verb and resource; the simulated controllers' own traffic is left out.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<RequestKey, int> counts = new();

    /// <summary>Requests with this verb on this resource (e.g. Count("patch", "deployments")).</summary>
    public int Count(string verb, string resource) => counts.GetValueOrDefault(new RequestKey(verb, resource));

    /// <summary>Requests with this verb on any resource.</summary>
    public int Count(string verb) => counts.Where(c => c.Key.Verb == verb).Sum(c => c.Value);

    /// <summary>Every request counted so far.</summary>
    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<RequestKey, int> Snapshot() => new Dictionary<RequestKey, int>(counts);

    public void Reset() => counts.Clear();

    internal void Record(string verb, string resource) => counts.AddOrUpdate(new RequestKey(verb, resource), 1, (_, n) => n + 1);
}
