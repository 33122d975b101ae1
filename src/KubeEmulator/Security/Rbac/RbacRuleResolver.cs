using System.Text.Json.Nodes;
using KubeEmulator.Json;
using KubeEmulator.Storage;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// Finds the rules that apply to a user in a namespace, as the real DefaultRuleResolver does: every
/// ClusterRoleBinding naming the user, then (in a namespace) every RoleBinding of that namespace naming the user,
/// each resolved to its Role or ClusterRole. A binding whose role is missing yields an error, not rules.
/// </summary>
internal sealed class RbacRuleResolver(ObjectStore store)
{
    public const string Group = "rbac.authorization.k8s.io";
    public const string ClusterRoles = Group + "/clusterroles";
    public const string Roles = Group + "/roles";
    public const string ClusterRoleBindings = Group + "/clusterrolebindings";
    public const string RoleBindings = Group + "/rolebindings";

    /// <summary>Visits each rule (or resolution error) in order until the visitor answers false.</summary>
    public void Visit(UserInfo user, string ns, Func<RuleSource?, PolicyRule?, string?, bool> visitor)
    {
        if (!VisitBindings(user, ClusterRoleBindings, null, visitor))
        {
            return;
        }

        if (ns.Length > 0)
        {
            VisitBindings(user, RoleBindings, ns, visitor);
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
    public (IReadOnlyList<PolicyRule> Rules, string? Error) RoleReferenceRules(JsonObject? roleRef, string bindingNamespace)
    {
        var kind = roleRef?.StringAt("kind");
        var name = roleRef?.StringAt("name") ?? "";
        var role = kind switch
        {
            "Role" => store.Get(Roles, bindingNamespace, name),
            "ClusterRole" => store.Get(ClusterRoles, null, name),
            _ => null,
        };
        return role is not null ? (PolicyRule.Of(role), null)
            : kind is "Role" or "ClusterRole" ? ([], $"{kind.ToLowerInvariant()}.{Group} \"{name}\" not found")
            : ([], $"unsupported role reference kind: \"{kind}\"");
    }

    private bool VisitBindings(UserInfo user, string storeKey, string? ns, Func<RuleSource?, PolicyRule?, string?, bool> visitor)
    {
        foreach (var binding in store.List(storeKey, ns, _ => true, 0, null).Items)
        {
            if (SubjectFor(user, binding, ns ?? "") is not { } subject)
            {
                continue;
            }

            var (rules, error) = RoleReferenceRules(binding["roleRef"] as JsonObject, ns ?? "");
            if (error is not null && !visitor(null, null, error))
            {
                return false;
            }

            var source = new RuleSource(binding, subject);
            if (rules.Any(rule => !visitor(source, rule, null)))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonObject? SubjectFor(UserInfo user, JsonObject binding, string ns) =>
        binding["subjects"] is JsonArray subjects ? subjects.OfType<JsonObject>().FirstOrDefault(s => AppliesTo(user, s, ns)) : null;

    private static bool AppliesTo(UserInfo user, JsonObject subject, string ns)
    {
        var name = subject.StringAt("name") ?? "";
        switch (subject.StringAt("kind"))
        {
            case "User":
                return user.Name == name;
            case "Group":
                return user.Groups.Contains(name);
            case "ServiceAccount":
                var saNamespace = subject.StringAt("namespace") is { Length: > 0 } own ? own : ns;
                return saNamespace.Length > 0 && user.Name == ServiceAccountUser.UserName(saNamespace, name);
            default:
                return false;
        }
    }
}
