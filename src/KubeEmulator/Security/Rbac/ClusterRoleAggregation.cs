using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeEmulator.Semantics;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// The rules an aggregated ClusterRole holds, as the real clusterrole-aggregation controller computes them: the rules
/// of every other ClusterRole its selectors match, in name order, each rule once.
/// </summary>
internal static class ClusterRoleAggregation
{
    public static bool IsAggregated(V1ClusterRole role) => role.AggregationRule?.ClusterRoleSelectors is { Count: > 0 };

    public static List<V1PolicyRule> RulesFor(V1ClusterRole aggregated, IEnumerable<V1ClusterRole> all)
    {
        var selectors = aggregated.AggregationRule?.ClusterRoleSelectors?.Select(s => JsonNode.Parse(KubernetesJson.Serialize(s))!.AsObject()).ToList() ?? [];
        var sources = all
            .Where(role => role.Name() != aggregated.Name())
            .Where(role => selectors.Any(selector => LabelSelector.Matches(selector, Labels(role))))
            .OrderBy(role => role.Name(), StringComparer.Ordinal);
        var rules = new List<V1PolicyRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in sources.SelectMany(role => role.Rules ?? []))
        {
            if (seen.Add(KubernetesJson.Serialize(rule)))
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>Whether two rule lists are the same, as the controller compares before it writes.</summary>
    public static bool SameRules(IList<V1PolicyRule>? left, IList<V1PolicyRule>? right) =>
        KubernetesJson.Serialize(left ?? []) == KubernetesJson.Serialize(right ?? []);

    private static IReadOnlyDictionary<string, string> Labels(V1ClusterRole role) =>
        role.Labels()?.ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, string>();
}
