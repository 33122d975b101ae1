using KubeEmulator.Security.Rbac;

namespace KubeEmulator.Security;

/// <summary>
/// The server's authorizer chain: members of system:masters may do everything (the real server's privileged-group
/// authorizer), everyone else is decided by RBAC.
/// </summary>
internal sealed class Authorizer(RbacRuleResolver rules)
{
    public const string MastersGroup = "system:masters";

    public RbacRuleResolver Rules => rules;

    public AuthorizationDecision Authorize(RequestAttributes request)
    {
        if (request.User.Groups.Contains(MastersGroup))
        {
            return new AuthorizationDecision(true, "");
        }

        string? allowedBy = null;
        var errors = new List<string>();
        rules.Visit(request.User, request.Namespace, (source, rule, error) =>
        {
            if (rule is not null && rule.Allows(request))
            {
                allowedBy = source!.Describe();
                return false;
            }

            if (error is not null)
            {
                errors.Add(error);
            }

            return true;
        });
        return allowedBy is not null
            ? new AuthorizationDecision(true, $"RBAC: allowed by {allowedBy}")
            : new AuthorizationDecision(false, errors.Count == 0 ? "" : $"RBAC: {Aggregate(errors)}");
    }

    /// <summary>Throws the real server's Forbidden answer unless the request is allowed.</summary>
    public void Require(RequestAttributes request)
    {
        var decision = Authorize(request);
        if (!decision.Allowed)
        {
            throw Forbidden.Request(request, decision.Reason);
        }
    }

    /// <summary>utilerrors.NewAggregate: one message alone, several distinct ones as "[a, b]".</summary>
    private static string Aggregate(IReadOnlyList<string> errors)
    {
        var distinct = errors.Distinct(StringComparer.Ordinal).ToList();
        return errors.Count == 1 || distinct.Count == 1 ? distinct[0] : $"[{string.Join(", ", distinct)}]";
    }
}
