using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>metav1.LabelSelector semantics: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist).</summary>
internal static class LabelSelector
{
    /// <summary>ValidateLabelSelector: matchLabels as labels, and well-formed matchExpressions.</summary>
    public static IEnumerable<StatusCause> Validate(JsonObject selector, string path)
    {
        var causes = new List<StatusCause>(ObjectMetaValidation.Labels(selector.Obj("matchLabels"), FieldPath.Child(path, "matchLabels")));
        foreach (var (i, expression) in selector.Arr("matchExpressions").IndexedObjects())
        {
            var expressionPath = FieldPath.Index(FieldPath.Child(path, "matchExpressions"), i);
            var hasValues = expression.Arr("values") is { Count: > 0 };
            switch (expression.Str("operator"))
            {
                case "In" or "NotIn" when !hasValues:
                    causes.Add(FieldErrors.Required(FieldPath.Child(expressionPath, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                    break;
                case "Exists" or "DoesNotExist" when hasValues:
                    causes.Add(FieldErrors.Forbidden(FieldPath.Child(expressionPath, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    causes.Add(FieldErrors.Invalid(FieldPath.Child(expressionPath, "operator"), expression["operator"]?.DeepClone(), "not a valid selector operator"));
                    break;
            }
            var key = expression.Str("key") ?? "";
            causes.AddRange(NameRules.IsQualifiedName(key).Select(msg => FieldErrors.Invalid(FieldPath.Child(expressionPath, "key"), key, msg)));
        }
        return causes;
    }

    /// <summary>The selector in the text form the real server prints (a Scale's status.selector): requirements sorted by key.</summary>
    public static string Format(JsonObject selector)
    {
        var requirements = selector.Obj("matchLabels").StringMap().Select(p => (p.Key, Text: $"{p.Key}={p.Value}"))
            .Concat(selector.Arr("matchExpressions").Objects().Select(e => (Key: e.Str("key") ?? "", Text: FormatExpression(e))));
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

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

    private static string FormatExpression(JsonObject expression)
    {
        var key = expression.Str("key") ?? "";
        var values = string.Join(",", (expression.Arr("values")?.Select(v => v.AsString() ?? "") ?? []).Order(StringComparer.Ordinal));
        return expression.Str("operator") switch
        {
            "In" => $"{key} in ({values})",
            "NotIn" => $"{key} notin ({values})",
            "DoesNotExist" => $"!{key}",
            _ => key,
        };
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
