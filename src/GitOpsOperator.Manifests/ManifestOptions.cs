namespace GitOpsOperator.Manifests;

/// <summary>How a render runs: its limits and how kustomize and helm are invoked.</summary>
public sealed record ManifestOptions
{
    public ManifestLimits Limits { get; init; } = new();

    /// <summary>The kustomize command line before the directory, e.g. <c>["kubectl", "kustomize"]</c>; null picks <c>kustomize build</c> when on PATH, else <c>kubectl kustomize</c>.</summary>
    public IReadOnlyList<string>? KustomizeCommand { get; init; }

    public TimeSpan KustomizeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The helm binary: a path, or a name looked up on PATH.</summary>
    public string HelmBinary { get; init; } = "helm";

    public TimeSpan HelmTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
