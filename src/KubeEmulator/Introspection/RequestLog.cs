using System.Collections.Concurrent;

namespace KubeEmulator.Introspection;

/// <summary>
/// Counts of the resource requests a cluster served, by verb, resource and whether they were dry runs, and (like an
/// API server's audit log) by the user each ran as; the simulated controllers' own traffic is left out.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<RequestKey, int> counts = new();
    private readonly ConcurrentDictionary<UserRequestKey, int> byUser = new();

    /// <summary>Requests with this verb on this resource, dry runs included (e.g. Count("patch", "deployments")).</summary>
    public int Count(string verb, string resource) => Count(verb, resource, dryRun: false) + Count(verb, resource, dryRun: true);

    /// <summary>Only the dry runs (dryRun: true) or only the real requests (dryRun: false) with this verb on this resource.</summary>
    public int Count(string verb, string resource, bool dryRun) => counts.GetValueOrDefault(new RequestKey(verb, resource, dryRun));

    /// <summary>Requests with this verb on any resource, dry runs included.</summary>
    public int Count(string verb) => counts.Where(c => c.Key.Verb == verb).Sum(c => c.Value);

    /// <summary>Every request counted so far.</summary>
    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<RequestKey, int> Snapshot() => new Dictionary<RequestKey, int>(counts);

    /// <summary>The audit view: requests counted by the user they ran as (the impersonated one), verb, resource, namespace and dry run.</summary>
    public IReadOnlyDictionary<UserRequestKey, int> ByUser() => new Dictionary<UserRequestKey, int>(byUser);

    /// <summary>Requests this user made with this verb on this resource in this namespace, only dry runs or only real ones.</summary>
    public int CountBy(string user, string verb, string resource, string ns, bool dryRun) =>
        byUser.GetValueOrDefault(new UserRequestKey(user, verb, resource, ns, dryRun));

    public void Reset()
    {
        counts.Clear();
        byUser.Clear();
    }

    internal void Record(RequestKey key, string user, string ns)
    {
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        byUser.AddOrUpdate(new UserRequestKey(user, key.Verb, key.Resource, ns, key.DryRun), 1, (_, n) => n + 1);
    }
}
