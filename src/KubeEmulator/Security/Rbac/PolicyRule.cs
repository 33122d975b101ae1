using System.Text.Json.Nodes;

namespace KubeEmulator.Security.Rbac;

/// <summary>One rbac/v1 PolicyRule, and whether it allows a request (RuleAllows in the real authorizer).</summary>
internal sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    private const string All = "*";

    public static PolicyRule From(JsonObject rule) => new(
        Strings(rule["verbs"]), Strings(rule["apiGroups"]), Strings(rule["resources"]), Strings(rule["resourceNames"]), Strings(rule["nonResourceURLs"]));

    /// <summary>The rules of a Role or ClusterRole object.</summary>
    public static IReadOnlyList<PolicyRule> Of(JsonObject role) =>
        role["rules"] is JsonArray rules ? [.. rules.OfType<JsonObject>().Select(From)] : [];

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["verbs"] = Array(Verbs) };
        AddIfAny(json, "apiGroups", ApiGroups);
        AddIfAny(json, "resources", Resources);
        AddIfAny(json, "resourceNames", ResourceNames);
        AddIfAny(json, "nonResourceURLs", NonResourceUrls);
        return json;
    }

    public bool Allows(RequestAttributes request)
    {
        if (!Verbs.Contains(All) && !Verbs.Contains(request.Verb))
        {
            return false;
        }

        if (!request.IsResourceRequest)
        {
            return NonResourceUrls.Any(url => NonResourceUrlCovers(url, request.Path));
        }

        return (ApiGroups.Contains(All) || ApiGroups.Contains(request.Group))
            && ResourceMatches(request.CombinedResource, request.Subresource)
            && (ResourceNames.Count == 0 || ResourceNames.Contains(request.Name));
    }

    /// <summary>An exact URL, "*", or a prefix ending in "*".</summary>
    public static bool NonResourceUrlCovers(string ruleUrl, string path) =>
        ruleUrl == All || ruleUrl == path || (ruleUrl.EndsWith('*') && path.StartsWith(ruleUrl.TrimEnd('*'), StringComparison.Ordinal));

    /// <summary>"*", the exact resource or resource/subresource, or "*/subresource".</summary>
    private bool ResourceMatches(string combined, string subresource) =>
        Resources.Any(r => r == All || r == combined || (subresource.Length > 0 && r == "*/" + subresource));

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(v => v?.GetValue<string>() ?? "")] : [];

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static void AddIfAny(JsonObject json, string field, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            json[field] = Array(values);
        }
    }
}
