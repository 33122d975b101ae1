using System.Text.Json.Nodes;
using KubeEmulator.Json;
using KubeEmulator.Storage;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// Finds the rules that apply to a user in a namespace, as the real DefaultRuleResolver does: every
/// ClusterRoleBinding naming the user, then (in a namespace) every RoleBinding of that namespace naming the user,
/// each resolved to its Role or ClusterRole. A binding whose role is missing yields an error, not rules. It reads
/// an indexed snapshot of the RBAC objects, read again whenever one of their collections has changed.
/// </summary>
internal sealed class RbacRuleResolver(ObjectStore store)
{
    private Snapshot? current;

    public const string Group = "rbac.authorization.k8s.io";
    public const string ClusterRoles = Group + "/clusterroles";
    public const string Roles = Group + "/roles";
    public const string ClusterRoleBindings = Group + "/clusterrolebindings";
    public const string RoleBindings = Group + "/rolebindings";

    /// <summary>Visits each rule (or resolution error) in order until the visitor answers false.</summary>
    public void Visit(UserInfo user, string ns, Func<RuleSource?, PolicyRule?, string?, bool> visitor)
    {
        var policy = Policy();
        if (!VisitBindings(policy, user, policy.ClusterRoleBindings, "", visitor))
        {
            return;
        }

        if (ns.Length > 0)
        {
            VisitBindings(policy, user, policy.RoleBindings(ns), ns, visitor);
        }
    }

    /// <summary>Every rule that applies, with the errors met resolving bindings.</summary>
    public (IReadOnlyList<PolicyRule> Rules, IReadOnlyList<string> Errors) RulesFor(UserInfo user, string ns)
    {
        var rules = new List<PolicyRule>();
        var errors = new List<string>();
        Visit(user, ns, (_, rule, error) =>
        {
            if (rule is not null)
            {
                rules.Add(rule);
            }

            if (error is not null)
            {
                errors.Add(error);
            }

            return true;
        });
        return (rules, errors);
    }

    /// <summary>The rules of the role a roleRef names; the error when it does not exist.</summary>
    public (IReadOnlyList<PolicyRule> Rules, string? Error) RoleReferenceRules(JsonObject? roleRef, string bindingNamespace) =>
        RoleReferenceRules(Policy(), roleRef?.StringAt("kind") ?? "", roleRef?.StringAt("name") ?? "", bindingNamespace);

    private static (IReadOnlyList<PolicyRule> Rules, string? Error) RoleReferenceRules(RbacPolicy policy, string kind, string name, string bindingNamespace)
    {
        var rules = kind switch
        {
            "Role" => policy.Role(bindingNamespace, name),
            "ClusterRole" => policy.ClusterRole(name),
            _ => null,
        };
        return rules is not null ? (rules, null)
            : kind is "Role" or "ClusterRole" ? ([], $"{kind.ToLowerInvariant()}.{Group} \"{name}\" not found")
            : ([], $"unsupported role reference kind: \"{kind}\"");
    }

    /// <summary>The snapshot of the RBAC objects as they are now: the cached one while none of their collections moved.</summary>
    private RbacPolicy Policy()
    {
        var revisions = RbacPolicy.Collections.Select(store.CollectionRevision).ToArray();
        var cached = Volatile.Read(ref current);
        if (cached is not null && cached.Revisions.SequenceEqual(revisions))
        {
            return cached.Policy;
        }

        var policy = RbacPolicy.Read(store);
        Volatile.Write(ref current, new Snapshot(revisions, policy));
        return policy;
    }

    private static bool VisitBindings(RbacPolicy policy, UserInfo user, IReadOnlyList<BindingEntry> bindings, string ns, Func<RuleSource?, PolicyRule?, string?, bool> visitor)
    {
        foreach (var binding in bindings)
        {
            if (binding.Subjects.FirstOrDefault(s => AppliesTo(user, s, ns)) is not { } subject)
            {
                continue;
            }

            var (rules, error) = RoleReferenceRules(policy, binding.RoleKind, binding.RoleName, ns);
            if (error is not null && !visitor(null, null, error))
            {
                return false;
            }

            var source = new RuleSource(binding.Binding, subject.Source);
            if (rules.Any(rule => !visitor(source, rule, null)))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Snapshot(long[] Revisions, RbacPolicy Policy);

    private static bool AppliesTo(UserInfo user, BindingSubject subject, string ns)
    {
        switch (subject.Kind)
        {
            case "User":
                return user.Name == subject.Name;
            case "Group":
                return user.Groups.Contains(subject.Name);
            case "ServiceAccount":
                var saNamespace = subject.Namespace.Length > 0 ? subject.Namespace : ns;
                return saNamespace.Length > 0 && ServiceAccountUser.Is(user.Name, saNamespace, subject.Name);
            default:
                return false;
        }
    }
}
