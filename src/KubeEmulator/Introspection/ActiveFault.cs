namespace KubeEmulator.Introspection;

/// <summary>A fault rule in force; dispose it to lift it. Hits tells how many requests it has hit.</summary>
public sealed class ActiveFault : IDisposable
{
    private readonly Action<ActiveFault> remove;
    private readonly Random random;
    private readonly Lock gate = new();
    private int hits;

    internal ActiveFault(FaultRule rule, Action<ActiveFault> remove)
    {
        Rule = rule;
        this.remove = remove;
        random = new Random(rule.Seed);
    }

    public FaultRule Rule { get; }

    public int Hits => Volatile.Read(ref hits);

    /// <summary>True when this request is hit (and counts it).</summary>
    internal bool TryHit(string verb, string resource, string? name)
    {
        if ((Rule.Verb is not null && Rule.Verb != verb) || (Rule.Resource is not null && Rule.Resource != resource) || (Rule.Name is not null && Rule.Name != name))
        {
            return false;
        }

        lock (gate)
        {
            if ((Rule.Times is { } times && hits >= times) || (Rule.Probability < 1.0 && random.NextDouble() >= Rule.Probability))
            {
                return false;
            }

            hits++;
            return true;
        }
    }

    public void Dispose() => remove(this);
}
