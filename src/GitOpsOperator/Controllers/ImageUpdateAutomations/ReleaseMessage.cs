namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// The commit message of a release: by default one line "Release &lt;image&gt;:&lt;old&gt; -&gt; &lt;new&gt;" per change;
/// a messageTemplate gets {changes} (one line "image:old -&gt; new" per change) and {count}.
/// </summary>
public static class ReleaseMessage
{
    /// <summary>One released marker as the message names it: the image and its value before and after.</summary>
    public sealed record Release(string Image, string OldValue, string NewValue)
    {
        public override string ToString() => $"{Image}:{OldValue} -> {NewValue}";
    }

    public static string Format(string? template, IReadOnlyList<Release> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var lines = releases.Select(release => release.ToString()).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(template))
        {
            return string.Join('\n', lines.Select(line => $"Release {line}")) + "\n";
        }

        return template
            .Replace("{changes}", string.Join('\n', lines), StringComparison.Ordinal)
            .Replace("{count}", releases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
