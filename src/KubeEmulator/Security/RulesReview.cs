using System.Text.Json.Nodes;
using KubeEmulator.Security.Rbac;

namespace KubeEmulator.Security;

/// <summary>The status of a SelfSubjectRulesReview: every rule that applies to the user in a namespace.</summary>
internal static class RulesReview
{
    public static JsonObject Status(RbacRuleResolver resolver, UserInfo user, string ns)
    {
        var (rules, errors) = resolver.RulesFor(user, ns);
        var resourceRules = new JsonArray();
        var nonResourceRules = new JsonArray();
        foreach (var rule in rules)
        {
            if (rule.Resources.Count > 0)
            {
                resourceRules.Add((rule with { NonResourceUrls = [] }).ToJson());
            }

            if (rule.NonResourceUrls.Count > 0)
            {
                nonResourceRules.Add(new PolicyRule(rule.Verbs, [], [], [], rule.NonResourceUrls).ToJson());
            }
        }

        var status = new JsonObject
        {
            ["resourceRules"] = resourceRules,
            ["nonResourceRules"] = nonResourceRules,
            ["incomplete"] = errors.Count > 0,
        };
        if (errors.Count > 0)
        {
            status["evaluationError"] = string.Join(", ", errors);
        }

        return status;
    }
}
