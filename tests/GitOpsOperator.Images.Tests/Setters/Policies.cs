using GitOpsOperator.Images.Setters;

namespace GitOpsOperator.Images.Tests.Setters;

/// <summary>The selections the marker tests release: apps:app moved from 1.0.0 to 1.1.0.</summary>
internal static class Policies
{
    public const string Image = "registry.example.com/team/app";
    public const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private static readonly Dictionary<string, SelectedImage> Selected = new(StringComparer.Ordinal)
    {
        ["apps:app"] = new(Image, "1.1.0", Digest),
        ["apps:other"] = new("ghcr.io/team/other", "2.0.0", null),
        ["apps:numeric"] = new("ghcr.io/team/numeric", "1.10", null),
        ["apps:odd"] = new("ghcr.io/team/odd", "it's \"odd\" \\", null),
        ["team-b:app"] = new("registry.example.com/team-b/app", "3.0.0", null),
    };

    /// <summary>The policy lookup: null for a policy with no selection yet (apps:pending and every unknown one).</summary>
    public static SelectedImage? Lookup(string policy) => Selected.GetValueOrDefault(policy);
}
