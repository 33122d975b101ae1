using System.Text.Json.Nodes;

namespace GitOpsOperator.Tests.Chart;

/// <summary>One RBAC rule, flattened to sorted strings so tests compare it as a whole.</summary>
internal sealed record PolicyRule(string ApiGroups, string Resources, string Verbs)
{
    public static PolicyRule From(JsonObject rule) =>
        new(Join(rule["apiGroups"]), Join(rule["resources"]), Join(rule["verbs"]));

    public bool IsWildcard => Resources.Split(',').Contains("*") || Verbs.Split(',').Contains("*");

    public override string ToString() => $"{ApiGroups} {Resources} [{Verbs}]";

    private static string Join(JsonNode? values) =>
        string.Join(',', (values?.AsArray() ?? []).Select(v => (string?)v).Order(StringComparer.Ordinal));
}
