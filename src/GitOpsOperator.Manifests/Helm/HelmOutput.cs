using System.Text;

namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// Splits <c>helm template</c>'s output into the documents of each template, by the <c># Source: chart/templates/x.yaml</c>
/// comment helm writes after every <c>---</c>, so each object can name the template it came from.
/// </summary>
internal static class HelmOutput
{
    private const string SourcePrefix = "# Source: ";

    /// <summary>The output's documents with their chart-relative template path (as helm names it: starting with the chart's name).</summary>
    public static IReadOnlyList<(string Template, byte[] Content)> Split(byte[] output)
    {
        var documents = new List<(string, byte[])>();
        string? template = null;
        var current = new StringBuilder();
        var lines = Encoding.UTF8.GetString(output).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] == "---" && i + 1 < lines.Length && lines[i + 1].StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                Flush(documents, template, current);
                template = lines[++i][SourcePrefix.Length..].Trim();
                continue;
            }

            current.Append(lines[i]).Append('\n');
        }

        Flush(documents, template, current);
        return documents;
    }

    private static void Flush(List<(string, byte[])> documents, string? template, StringBuilder current)
    {
        if (template is not null && current.ToString().Trim().Length > 0)
        {
            documents.Add((template, Encoding.UTF8.GetBytes(current.ToString())));
        }

        current.Clear();
    }
}
