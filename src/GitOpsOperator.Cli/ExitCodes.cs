namespace GitOpsOperator.Cli;

/// <summary>The exit codes of every command (API.md, "kubectl gitops").</summary>
public static class ExitCodes
{
    /// <summary>Done; for diff, nothing would change.</summary>
    public const int Done = 0;

    /// <summary>Failed, timed out, refused (suspended); for diff, changes found.</summary>
    public const int Failed = 1;

    /// <summary>Usage error, object not found, cluster unreachable, or the path cannot be rendered.</summary>
    public const int Usage = 2;
}
