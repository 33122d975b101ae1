namespace GitOpsOperator.Sync.Health;

/// <summary>A health verdict and the reason a person can read.</summary>
public sealed record HealthStatus(HealthState State, string Message)
{
    public static HealthStatus Current(string message = "") => new(HealthState.Current, message);

    public static HealthStatus InProgress(string message) => new(HealthState.InProgress, message);

    public static HealthStatus Failed(string message) => new(HealthState.Failed, message);

    public bool IsCurrent => State == HealthState.Current;
}
