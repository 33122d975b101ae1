namespace GitOpsOperator.Manifests;

/// <summary>How a render ended: objects, nothing at all, or errors.</summary>
public enum RenderOutcome
{
    Rendered,
    Empty,
    Failed,
}
