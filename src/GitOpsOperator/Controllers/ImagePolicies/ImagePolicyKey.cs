using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>Which ImagePolicy: its namespace and name, as the work queue holds it.</summary>
public sealed record ImagePolicyKey(string Namespace, string Name)
{
    public static ImagePolicyKey Of(ImagePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.Metadata.NamespaceProperty ?? "", policy.Metadata.Name ?? "");
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
