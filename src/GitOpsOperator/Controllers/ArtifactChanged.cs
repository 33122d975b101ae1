namespace GitOpsOperator.Controllers;

/// <summary>A GitRepository's artifact moved to a new revision.</summary>
public sealed record ArtifactChanged(string Namespace, string Name, string Revision);
