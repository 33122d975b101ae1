namespace GitOpsOperator.Manifests.Helm;

/// <summary>What <c>.Capabilities</c> says in templates: the cluster's version (<c>v1.32.0</c>) and API versions (<c>apps/v1</c>, <c>apps/v1/Deployment</c>).</summary>
public sealed record HelmCapabilities(string KubeVersion, IReadOnlyList<string> ApiVersions);
