using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Json;
using KubeEmulator.Registry;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// The RBAC registry's guard against privilege escalation on create, update and apply: a Role or ClusterRole may hold
/// only rules its author holds (unless the author may <c>escalate</c> it), a binding may reference only a role whose
/// rules its author holds (unless the author may <c>bind</c> it). Members of system:masters may do both.
/// </summary>
internal sealed class EscalationCheck(Authorizer authorizer, TypeRegistry registry)
{
    private const string Group = RbacRuleResolver.Group;

    private static readonly PolicyRule FullAuthority = new(["*"], ["*"], ["*"], [], []);
    private static readonly PolicyRule AllUrls = new(["*"], [], [], [], ["*"]);

    /// <summary>Throws the real server's Forbidden when the write of <paramref name="candidate"/> would escalate.</summary>
    public void Confirm(UserInfo user, ServedType served, string? ns, string? urlName, JsonObject candidate)
    {
        if (served.Type.Group != Group || user.Groups.Contains(Authorizer.MastersGroup))
        {
            return;
        }

        switch (served.Type.Kind)
        {
            case "Role" or "ClusterRole":
                ConfirmRole(user, served.Type.Plural, ns ?? "", urlName ?? "", candidate);
                break;
            case "RoleBinding" or "ClusterRoleBinding":
                ConfirmBinding(user, served.Type.Plural, ns ?? "", candidate);
                break;
            default:
                break;
        }
    }

    private void ConfirmRole(UserInfo user, string plural, string ns, string urlName, JsonObject role)
    {
        var escalate = new RequestAttributes(user, "escalate", true, Group: Group, Version: "*", Resource: plural, Namespace: ns, Name: urlName);
        if (authorizer.Authorize(escalate).Allowed)
        {
            return;
        }

        Require(user, ns, plural, role.Name(), PolicyRule.Of(role));
        if (role["aggregationRule"] is JsonObject && !IsCovered(user, ns, [FullAuthority, AllUrls]))
        {
            throw Forbidden.Error(Group, plural, role.Name(), "must have cluster-admin privileges to use the aggregationRule");
        }
    }

    private void ConfirmBinding(UserInfo user, string plural, string ns, JsonObject binding)
    {
        var roleRef = binding["roleRef"] as JsonObject;
        var roleKind = roleRef?.StringAt("kind");
        var roleName = roleRef?.StringAt("name") ?? "";
        var rolePlural = roleKind == "Role" ? "roles" : "clusterroles";
        var bind = new RequestAttributes(user, "bind", true, Group: Group, Version: "*", Resource: rolePlural, Namespace: ns, Name: roleName);
        if (authorizer.Authorize(bind).Allowed)
        {
            return;
        }

        var (rules, error) = authorizer.Rules.RoleReferenceRules(roleRef, ns);
        if (error is not null)
        {
            throw registry.Find(Group, "v1", rolePlural) is { } role
                ? ApiException.NotFound(role.Type, roleName)
                : Forbidden.Error(Group, plural, binding.Name(), error);
        }

        Require(user, ns, plural, binding.Name(), rules);
    }

    private bool IsCovered(UserInfo user, string ns, IReadOnlyList<PolicyRule> rules) =>
        RuleCoverage.Missing(authorizer.Rules.RulesFor(user, ns).Rules, rules).Count == 0;

    private void Require(UserInfo user, string ns, string plural, string name, IReadOnlyList<PolicyRule> requested)
    {
        var (owned, errors) = authorizer.Rules.RulesFor(user, ns);
        var missing = RuleCoverage.Missing(owned, requested);
        if (missing.Count == 0)
        {
            return;
        }

        var message = $"user \"{user.Name}\" (groups={RuleCoverage.GoQuoted(user.Groups)}) is attempting to grant RBAC permissions not currently held:\n{RuleCoverage.Describe(missing)}";
        if (errors.Count > 0)
        {
            message += $"; resolution errors: [{string.Join(" ", errors)}]";
        }

        throw Forbidden.Error(Group, plural, name, message);
    }
}
