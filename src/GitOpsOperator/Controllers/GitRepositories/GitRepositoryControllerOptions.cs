namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>Settings of the GitRepository controller, read from the "Operator" configuration section.</summary>
public sealed record GitRepositoryControllerOptions
{
    /// <summary>Where the bare-repository cache lives (Operator:GitCacheDirectory); a temp directory when unset.</summary>
    public string? GitCacheDirectory { get; init; }

    public string CacheDirectory =>
        string.IsNullOrEmpty(GitCacheDirectory) ? Path.Combine(Path.GetTempPath(), "gitops-operator", "git-cache") : GitCacheDirectory;
}
