using System.Text.RegularExpressions;

namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// Turns helm's stderr into one error a user can act on: the template (as a repo path) with line and column, or the
/// values file and line; private paths replaced by what the user knows; secret values masked.
/// </summary>
internal sealed partial class HelmErrors(string chartName, string chartPath, string root, IReadOnlyDictionary<string, string> valuesOrigins, SecretScrubber scrubber)
{
    public RenderError Describe(string stderr)
    {
        var message = Clean(stderr);
        if (ValuesParse().Match(message) is { Success: true } values)
        {
            var origin = values.Groups["file"].Value;
            int? line = values.Groups["line"].Success ? int.Parse(values.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            return new RenderError("values are not valid YAML: " + message, new SourceLocation(origin, line));
        }

        foreach (Match match in TemplatePlace().Matches(message))
        {
            var file = match.Groups["file"].Value;
            if (file.StartsWith(chartName + "/", StringComparison.Ordinal))
            {
                return new RenderError("helm template failed: " + message, new SourceLocation(RepoPath(file), Number(match.Groups["line"]), Number(match.Groups["column"])));
            }
        }

        return new RenderError("helm template failed: " + message, new SourceLocation(chartPath));
    }

    /// <summary>A template path as helm names it (<c>chart/templates/x.yaml</c>) as a repo-relative path.</summary>
    public string RepoPath(string template)
    {
        var inChart = template.StartsWith(chartName + "/", StringComparison.Ordinal) ? template[(chartName.Length + 1)..] : template;
        return chartPath.Length == 0 ? inChart : $"{chartPath}/{inChart}";
    }

    private string Clean(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("Use --debug", StringComparison.Ordinal) && !line.StartsWith("WARNING:", StringComparison.Ordinal))
            .Select(line => line.StartsWith("Error: ", StringComparison.Ordinal) ? line["Error: ".Length..] : line);
        var text = string.Join("; ", lines);
        foreach (var (path, origin) in valuesOrigins)
        {
            text = text.Replace(path, origin, StringComparison.Ordinal);
        }

        text = text.Replace(root + "/", "", StringComparison.Ordinal).Replace(root, ".", StringComparison.Ordinal);
        return scrubber.Scrub(text);
    }

    private static int? Number(Group group) =>
        group.Success ? int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^failed to parse (?<file>.+?): (?:.*?line (?<line>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex ValuesParse();

    [GeneratedRegex(@"(?<file>[^\s():""]+):(?<line>\d+)(:(?<column>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex TemplatePlace();
}
