namespace KubeEmulator.Security.Rbac;

/// <summary>
/// Whether one set of rules grants everything another does, as the real escalation check decides it: the requested
/// rules are broken down to one verb on one resource (or URL) each, and each piece must be covered by an owned rule.
/// </summary>
internal static class RuleCoverage
{
    private const string All = "*";

    /// <summary>The broken-down pieces of <paramref name="requested"/> that no owned rule covers.</summary>
    public static IReadOnlyList<PolicyRule> Missing(IReadOnlyList<PolicyRule> owned, IEnumerable<PolicyRule> requested) =>
        [.. requested.SelectMany(Breakdown).Where(piece => !owned.Any(rule => Covers(rule, piece)))];

    /// <summary>Missing pieces as the Forbidden message lists them: compacted, one per line, sorted.</summary>
    public static string Describe(IReadOnlyList<PolicyRule> missing) =>
        string.Join("\n", Compact(missing).Select(CompactString).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static IEnumerable<PolicyRule> Breakdown(PolicyRule rule)
    {
        foreach (var group in rule.ApiGroups)
        {
            foreach (var resource in rule.Resources)
            {
                foreach (var verb in rule.Verbs)
                {
                    if (rule.ResourceNames.Count == 0)
                    {
                        yield return new PolicyRule([verb], [group], [resource], [], []);
                        continue;
                    }

                    foreach (var name in rule.ResourceNames)
                    {
                        yield return new PolicyRule([verb], [group], [resource], [name], []);
                    }
                }
            }
        }

        foreach (var url in rule.NonResourceUrls)
        {
            foreach (var verb in rule.Verbs)
            {
                yield return new PolicyRule([verb], [], [], [], [url]);
            }
        }
    }

    private static bool Covers(PolicyRule owner, PolicyRule piece) =>
        (owner.Verbs.Contains(All) || piece.Verbs.All(owner.Verbs.Contains))
        && (owner.ApiGroups.Contains(All) || piece.ApiGroups.All(owner.ApiGroups.Contains))
        && ResourcesCover(owner.Resources, piece.Resources)
        && piece.NonResourceUrls.All(url => owner.NonResourceUrls.Any(o => PolicyRule.NonResourceUrlCovers(o, url)))
        && (owner.ResourceNames.Count == 0 || (piece.ResourceNames.Count > 0 && piece.ResourceNames.All(owner.ResourceNames.Contains)));

    private static bool ResourcesCover(IReadOnlyList<string> owned, IReadOnlyList<string> requested) =>
        owned.Contains(All) || requested.All(r => owned.Contains(r) || (r.Contains('/', StringComparison.Ordinal) && owned.Contains("*/" + r[(r.IndexOf('/', StringComparison.Ordinal) + 1)..])));

    /// <summary>Pieces on the same single resource (and name) are merged into one rule with all their verbs.</summary>
    private static IEnumerable<PolicyRule> Compact(IReadOnlyList<PolicyRule> pieces)
    {
        var simple = new Dictionary<(string, string, string?), PolicyRule>();
        var order = new List<(string, string, string?)>();
        foreach (var piece in pieces)
        {
            if (piece.NonResourceUrls.Count > 0)
            {
                yield return piece;
                continue;
            }

            var key = (piece.ApiGroups[0], piece.Resources[0], piece.ResourceNames.FirstOrDefault());
            if (simple.TryGetValue(key, out var merged))
            {
                simple[key] = merged with { Verbs = [.. merged.Verbs, .. piece.Verbs] };
            }
            else
            {
                simple[key] = piece;
                order.Add(key);
            }
        }

        foreach (var key in order)
        {
            yield return simple[key];
        }
    }

    /// <summary>rbacv1helpers.CompactString: {APIGroups:["apps"], Resources:["deployments"], Verbs:["get"]}.</summary>
    private static string CompactString(PolicyRule rule)
    {
        var parts = new List<string>();
        AddPart(parts, "APIGroups", rule.ApiGroups);
        AddPart(parts, "Resources", rule.Resources);
        AddPart(parts, "NonResourceURLs", rule.NonResourceUrls);
        AddPart(parts, "ResourceNames", rule.ResourceNames);
        AddPart(parts, "Verbs", rule.Verbs);
        return "{" + string.Join(", ", parts) + "}";
    }

    private static void AddPart(List<string> parts, string label, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            parts.Add($"{label}:{GoQuoted(values)}");
        }
    }

    /// <summary>Go's %q of a []string: ["a" "b"].</summary>
    public static string GoQuoted(IEnumerable<string> values) => "[" + string.Join(" ", values.Select(v => $"\"{v}\"")) + "]";
}
