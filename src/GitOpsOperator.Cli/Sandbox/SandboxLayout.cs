namespace GitOpsOperator.Sandbox;

/// <summary>
/// Where the sandbox keeps its files, all under <c>.sandbox/</c> of the directory it is started in. Paths are
/// absolute; <see cref="Display"/> gives the relative form printed for the user to type.
/// </summary>
public sealed record SandboxLayout(string WorkingDirectory)
{
    public const string RepositoryName = "config";

    public static SandboxLayout In(string workingDirectory) => new(Path.GetFullPath(workingDirectory));

    public string Root => Path.Combine(WorkingDirectory, ".sandbox");

    public string Kubeconfig => Path.Combine(Root, "kubeconfig");

    /// <summary>The directory git daemon serves (its --base-path).</summary>
    public string ServedRepositories => Path.Combine(Root, "repos");

    public string BareRepository => Path.Combine(ServedRepositories, RepositoryName + ".git");

    /// <summary>The user's working clone of the config repository.</summary>
    public string WorkingClone => Path.Combine(Root, RepositoryName);

    public string GitCache => Path.Combine(Root, "git-cache");

    /// <summary>The local image registry's configuration and storage (kept between runs, like the config repository).</summary>
    public string Registry => Path.Combine(Root, "registry");

    /// <summary>An OCI image layout holding the image the user pushes to the registry under new tags.</summary>
    public string Images => Path.Combine(Root, "images");

    /// <summary>The path relative to the working directory, as the user would type it.</summary>
    public string Display(string path) => Path.GetRelativePath(WorkingDirectory, path);
}
