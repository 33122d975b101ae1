using GitOpsOperator.Api;
using GitOpsOperator.Images.Policies;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>An ImagePolicy's spec as the policy library reads it.</summary>
public static class PolicySpecs
{
    public static PolicySpec From(ImagePolicySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new PolicySpec(
            SemverRange: spec.Policy.Semver?.Range,
            AlphabeticalOrder: spec.Policy.Alphabetical?.Order,
            NumericalOrder: spec.Policy.Numerical?.Order,
            FilterPattern: spec.FilterTags?.Pattern,
            FilterExtract: spec.FilterTags?.Extract,
            AllowDowngrade: spec.AllowDowngrade);
    }
}
