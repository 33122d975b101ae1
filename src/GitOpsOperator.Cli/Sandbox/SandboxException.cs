namespace GitOpsOperator.Sandbox;

/// <summary>Why the sandbox cannot run, in one line a person can act on (printed as "error: …").</summary>
public sealed class SandboxException : Exception
{
    public SandboxException(string message)
        : base(message)
    {
    }

    public SandboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
