using KubeEmulator.Errors;

namespace KubeEmulator.Selection;

/// <summary>A parsed labelSelector: requirements with =, ==, !=, in, notin, exists and !key, all of which must hold.</summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => this.requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitRequirements(text).Select(ParseRequirement).ToList());
    }

    private static IEnumerable<string> SplitRequirements(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string requirement)
    {
        if (requirement.Length == 0)
        {
            throw Invalid(requirement);
        }

        if (requirement.StartsWith('!'))
        {
            var key = Key(requirement[1..].Trim(), requirement);
            return labels => !labels.ContainsKey(key);
        }

        var setMatch = System.Text.RegularExpressions.Regex.Match(requirement, @"^(\S+)\s+(in|notin)\s*\((.*)\)$");
        if (setMatch.Success)
        {
            var key = Key(setMatch.Groups[1].Value, requirement);
            var values = setMatch.Groups[3].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return setMatch.Groups[2].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = requirement.IndexOf(op, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var key = Key(requirement[..at].Trim(), requirement);
            var value = requirement[(at + op.Length)..].Trim();
            return op == "!="
                ? labels => !labels.TryGetValue(key, out var v) || v != value
                : labels => labels.TryGetValue(key, out var v) && v == value;
        }

        var existsKey = Key(requirement, requirement);
        return labels => labels.ContainsKey(existsKey);
    }

    private static string Key(string key, string requirement) =>
        key.Length == 0 || key.Any(char.IsWhiteSpace) ? throw Invalid(requirement) : key;

    private static ApiException Invalid(string requirement) =>
        ApiException.BadRequest($"unable to parse requirement: found '{requirement}', expected: identifier");
}
