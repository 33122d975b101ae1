using System.Text.RegularExpressions;

namespace GitOpsOperator.Manifests.Validation;

/// <summary>The name rules the API server applies: DNS-1123 subdomain by default, a label for some kinds, a path segment for RBAC.</summary>
internal static partial class NameRules
{
    private static readonly HashSet<(string Group, string Kind)> LabelNamed = [("", "Namespace"), ("", "Service")];

    private static readonly HashSet<(string Group, string Kind)> PathSegmentNamed =
    [
        ("rbac.authorization.k8s.io", "Role"),
        ("rbac.authorization.k8s.io", "ClusterRole"),
        ("rbac.authorization.k8s.io", "RoleBinding"),
        ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
    ];

    /// <summary>Null when <paramref name="name"/> is valid for the kind, else why not.</summary>
    public static string? CheckName(string group, string kind, string name)
    {
        if (LabelNamed.Contains((group, kind)))
        {
            return CheckLabel(name);
        }

        if (PathSegmentNamed.Contains((group, kind)))
        {
            return name is "." or ".." || name.Contains('/') || name.Contains('%')
                ? $"invalid name \"{name}\": may not be '.' or '..' and may not contain '/' or '%'"
                : null;
        }

        return name.Length <= 253 && Subdomain().IsMatch(name)
            ? null
            : $"invalid name \"{name}\": a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', must start and end with an alphanumeric character, and be at most 253 characters";
    }

    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 label (namespaces, services), else why not.</summary>
    public static string? CheckLabel(string name) =>
        name.Length <= 63 && Label().IsMatch(name)
            ? null
            : $"invalid name \"{name}\": a DNS-1123 label must consist of lower case alphanumeric characters or '-', must start and end with an alphanumeric character, and be at most 63 characters";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
