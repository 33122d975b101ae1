using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Health;

namespace GitOpsOperator.Sync;

/// <summary>The health of each awaited object when a wait ended; Healthy when all are Current.</summary>
public sealed record HealthReport(IReadOnlyDictionary<ObjectIdentity, HealthStatus> Objects, TimeSpan Timeout)
{
    public bool Healthy => Objects.Values.All(s => s.IsCurrent);

    /// <summary>One HealthCheckFailed failure per object that is not Current.</summary>
    public IReadOnlyList<SyncFailure> Failures =>
        Objects.Where(pair => !pair.Value.IsCurrent)
            .Select(pair => new SyncFailure(SyncOutcome.HealthCheckFailed, pair.Key, null, Describe(pair.Value)))
            .ToList();

    private string Describe(HealthStatus status) => status.State == HealthState.Failed
        ? $"failed: {status.Message}"
        : $"not healthy within {Timeout}: {status.Message}";
}
