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

    public int Count(string verb, string resource) => counts.GetValueOrDefault(new RequestKey(verb, resource));

    /// <summary>Patches and updates of a kind's status subresource, e.g. StatusWrites("gitsyncs").</summary>
    public int StatusWrites(string plural) => Count("patch", plural + "/status") + Count("update", plural + "/status");

    /// <summary>
    /// Every request that reached objects a GitSync manages; open watches are left out (a watch is one long request
    /// that says nothing about what was read or written).
    /// </summary>
    public IReadOnlyDictionary<RequestKey, int> ToManagedObjects =>
        counts.Where(c => !OperatorResources.Contains(c.Key.Resource) && c.Key.Verb != "watch").ToDictionary();

    public override string ToString() =>
        string.Join(", ", counts.OrderBy(c => c.Key.Resource).ThenBy(c => c.Key.Verb).Select(c => $"{c.Key.Verb} {c.Key.Resource}: {c.Value}"));
}
