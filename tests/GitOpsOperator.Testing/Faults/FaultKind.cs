namespace GitOpsOperator.Testing.Faults;

/// <summary>How the relay answers one request.</summary>
public enum FaultKind
{
    Forwarded,
    ServerError,
    TooManyRequests,
    ConnectionReset,
}
