namespace KubeEmulator.Introspection;

/// <summary>The fault rules of one cluster: the first rule that hits a request decides what it gets.</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private List<ActiveFault> active = [];

    /// <summary>Puts a rule in force until the returned handle is disposed (or <see cref="Clear"/>).</summary>
    public ActiveFault Add(FaultRule rule)
    {
        var fault = new ActiveFault(rule, Remove);
        lock (gate)
        {
            active = [.. active, fault];
        }

        return fault;
    }

    public void Clear()
    {
        lock (gate)
        {
            active = [];
        }
    }

    internal FaultRule? Match(string verb, string resource, string? name) =>
        Volatile.Read(ref active).FirstOrDefault(f => f.TryHit(verb, resource, name))?.Rule;

    private void Remove(ActiveFault fault)
    {
        lock (gate)
        {
            active = active.Where(f => f != fault).ToList();
        }
    }
}
