namespace GitOpsOperator.Hosting;

/// <summary>
/// What /readyz reports: ready once every part that asked to be waited for (<see cref="Require"/>) said it is
/// (<see cref="MarkReady"/>).
/// </summary>
public sealed class Readiness
{
    private readonly Lock gate = new();
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);

    /// <summary>The parts not yet ready, sorted; empty when the operator is ready.</summary>
    public IReadOnlyList<string> Pending
    {
        get
        {
            lock (gate)
            {
                return [.. pending.Order(StringComparer.Ordinal)];
            }
        }
    }

    public void Require(string part)
    {
        lock (gate)
        {
            pending.Add(part);
        }
    }

    public void MarkReady(string part)
    {
        lock (gate)
        {
            pending.Remove(part);
        }
    }
}
