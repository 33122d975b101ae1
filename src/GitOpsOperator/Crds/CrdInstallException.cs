namespace GitOpsOperator.Crds;

/// <summary>The CRDs could not be installed: the operator cannot start.</summary>
public sealed class CrdInstallException : Exception
{
    public CrdInstallException(string message)
        : base(message)
    {
    }

    public CrdInstallException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
