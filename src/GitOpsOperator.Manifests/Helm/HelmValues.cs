namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// One values document handed to helm: where it came from (shown in errors, e.g. <c>Secret web-values key values.yaml</c>),
/// its YAML text, and whether it is secret (then none of its values may appear in a message).
/// </summary>
public sealed record HelmValues(string Origin, string Content, bool Sensitive)
{
    public override string ToString() => Origin;
}
