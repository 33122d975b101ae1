namespace GitOpsOperator.Hosting;

/// <summary>
/// What /readyz reports: ready once every part that asked to be waited for (<see cref="Require"/>) said it is
/// (<see cref="MarkReady"/>); a part held back by a problem (<see cref="Report"/>) is named with it.
/// </summary>
public sealed class Readiness
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, string?> pending = new(StringComparer.Ordinal);

    /// <summary>The parts not yet ready (with their problem, when known), sorted; empty when the operator is ready.</summary>
    public IReadOnlyList<string> Pending
    {
        get
        {
            lock (gate)
            {
                return [.. pending.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value is null ? p.Key : $"{p.Key} ({p.Value})")];
            }
        }
    }

    public void Require(string part) => Report(part, null);

    /// <summary>Holds the part not ready because of <paramref name="problem"/> (shown on /readyz).</summary>
    public void Report(string part, string? problem)
    {
        lock (gate)
        {
            pending[part] = problem;
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
