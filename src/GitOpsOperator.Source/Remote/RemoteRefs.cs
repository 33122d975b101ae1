namespace GitOpsOperator.Source.Remote;

/// <summary>A remote's refs as one listing reported them: names to commits (annotated tags already peeled).</summary>
/// <param name="Head">The ref the remote's HEAD points to (e.g. <c>refs/heads/main</c>), when it said.</param>
internal sealed record RemoteRefs(IReadOnlyDictionary<string, string> Commits, string? Head)
{
    private const string Peeled = "^{}";

    /// <summary>Parses <c>git ls-remote --symref</c> output.</summary>
    public static RemoteRefs Parse(string lsRemoteOutput)
    {
        ArgumentNullException.ThrowIfNull(lsRemoteOutput);
        var commits = new Dictionary<string, string>(StringComparer.Ordinal);
        string? head = null;
        foreach (var line in lsRemoteOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length != 2)
            {
                continue;
            }

            if (fields[0].StartsWith("ref: ", StringComparison.Ordinal))
            {
                if (fields[1] == "HEAD")
                {
                    head = fields[0]["ref: ".Length..];
                }
            }
            else if (fields[1].EndsWith(Peeled, StringComparison.Ordinal))
            {
                commits[fields[1][..^Peeled.Length]] = fields[0];
            }
            else
            {
                commits.TryAdd(fields[1], fields[0]);
            }
        }

        return new RemoteRefs(commits, head);
    }

    public IEnumerable<string> TagNames => Commits.Keys
        .Where(name => name.StartsWith("refs/tags/", StringComparison.Ordinal))
        .Select(name => name["refs/tags/".Length..]);
}
