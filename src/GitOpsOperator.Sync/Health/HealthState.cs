namespace GitOpsOperator.Sync.Health;

/// <summary>kstatus-style outcome of a health check.</summary>
public enum HealthState
{
    /// <summary>The object has reached the state its spec asks for.</summary>
    Current,

    /// <summary>Still converging; may become Current.</summary>
    InProgress,

    /// <summary>Will not become Current without a change (e.g. ProgressDeadlineExceeded, a failed Job).</summary>
    Failed,
}
