using System.Collections.Concurrent;

namespace KubeEmulator.Introspection;

/// <summary>
/// Counts of the resource requests a cluster served, by verb, resource and whether they were dry runs; the simulated
/// controllers' own traffic is left out.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<RequestKey, int> counts = new();

    /// <summary>Requests with this verb on this resource, dry runs included (e.g. Count("patch", "deployments")).</summary>
    public int Count(string verb, string resource) => Count(verb, resource, dryRun: false) + Count(verb, resource, dryRun: true);

    /// <summary>Only the dry runs (dryRun: true) or only the real requests (dryRun: false) with this verb on this resource.</summary>
    public int Count(string verb, string resource, bool dryRun) => counts.GetValueOrDefault(new RequestKey(verb, resource, dryRun));

    /// <summary>Requests with this verb on any resource, dry runs included.</summary>
    public int Count(string verb) => counts.Where(c => c.Key.Verb == verb).Sum(c => c.Value);

    /// <summary>Every request counted so far.</summary>
    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<RequestKey, int> Snapshot() => new Dictionary<RequestKey, int>(counts);

    public void Reset() => counts.Clear();

    internal void Record(RequestKey key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);
}
