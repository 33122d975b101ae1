using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>metav1.LabelSelector semantics: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist).</summary>
internal static class LabelSelector
{
    public static bool IsEmpty(JsonObject selector) =>
        selector.Obj("matchLabels") is not { Count: > 0 } && selector.Arr("matchExpressions") is not { Count: > 0 };

    public static bool Matches(JsonObject selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector.Obj("matchLabels").StringMap())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }
        return selector.Arr("matchExpressions").Objects().All(e => MatchesExpression(e, labels));
    }

    private static bool MatchesExpression(JsonObject expression, IReadOnlyDictionary<string, string> labels)
    {
        var key = expression.Str("key") ?? "";
        var values = expression.Arr("values")?.Select(v => v.AsString()).ToHashSet() ?? [];
        var present = labels.TryGetValue(key, out var actual);
        return expression.Str("operator") switch
        {
            "In" => present && values.Contains(actual),
            "NotIn" => !present || !values.Contains(actual),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }
}
