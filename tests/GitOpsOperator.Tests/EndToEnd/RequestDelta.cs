using KubeEmulator.Introspection;

namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>The API requests the cluster served between two snapshots of its request counts.</summary>
internal sealed class RequestDelta
{
    /// <summary>Resources that are not objects a GitSync manages: the operator's own kinds, Events, leases and discovery.</summary>
    private static readonly HashSet<string> OperatorResources =
    [
        "", "gitrepositories", "gitrepositories/status", "gitsyncs", "gitsyncs/status", "events", "leases",
    ];

    private readonly Dictionary<RequestKey, int> counts;

    private RequestDelta(Dictionary<RequestKey, int> counts) => this.counts = counts;

    public static RequestDelta Between(IReadOnlyDictionary<RequestKey, int> before, IReadOnlyDictionary<RequestKey, int> after) =>
        new(after
            .Select(c => (c.Key, Count: c.Value - before.GetValueOrDefault(c.Key)))
            .Where(c => c.Count > 0)
            .ToDictionary(c => c.Key, c => c.Count));

    /// <summary>Requests with this verb on this resource, dry runs included.</summary>
    public int Count(string verb, string resource) => Count(verb, resource, dryRun: false) + Count(verb, resource, dryRun: true);

    /// <summary>Only the dry runs (dryRun: true) or only the real requests (dryRun: false).</summary>
    public int Count(string verb, string resource, bool dryRun) => counts.GetValueOrDefault(new RequestKey(verb, resource, dryRun));

    /// <summary>Creates, updates and patches of a resource, dry runs included.</summary>
    public int Writes(string resource) => Writes(resource, dryRun: false) + Writes(resource, dryRun: true);

    /// <summary>Creates, updates and patches of a resource that were really made (dryRun: false) or only tried (dryRun: true).</summary>
    public int Writes(string resource, bool dryRun) =>
        Count("create", resource, dryRun) + Count("update", resource, dryRun) + Count("patch", resource, dryRun);

    /// <summary>Patches and updates of a kind's status subresource, e.g. StatusWrites("gitsyncs").</summary>
    public int StatusWrites(string plural) => Count("patch", plural + "/status") + Count("update", plural + "/status");

    /// <summary>
    /// Every request that reached objects a GitSync manages; open watches are left out (a watch is one long request
    /// that says nothing about what was read or written).
    /// </summary>
    public IReadOnlyDictionary<RequestKey, int> ToManagedObjects =>
        counts.Where(c => !OperatorResources.Contains(c.Key.Resource) && c.Key.Verb != "watch").ToDictionary();

    public override string ToString() =>
        string.Join(", ", counts.OrderBy(c => c.Key.Resource).ThenBy(c => c.Key.Verb).ThenBy(c => c.Key.DryRun).Select(c => $"{c.Key.Verb} {c.Key.Resource}{(c.Key.DryRun ? " (dry run)" : "")}: {c.Value}"));
}
