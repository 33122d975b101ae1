namespace GitOpsOperator.Manifests;

/// <summary>What to render: a path inside an exported repository tree, the namespace default and the cluster's API scope.</summary>
public sealed record RenderRequest(string RepoRoot, string Path, string? TargetNamespace, IApiScope ApiScope);
