namespace GitOpsOperator.Source.Export;

/// <summary>Repo-relative paths: segments under the repo root, never above it.</summary>
internal static class RepoPath
{
    /// <summary>
    /// The segments of <paramref name="path"/> taken relative to <paramref name="baseSegments"/> (<c>.</c> and
    /// <c>..</c> resolved), or null when the path is absolute or climbs above the repo root.
    /// </summary>
    public static List<string>? Resolve(IEnumerable<string> baseSegments, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith('/'))
        {
            return null;
        }

        var segments = new List<string>(baseSegments);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    public static string Join(IEnumerable<string> segments) => string.Join('/', segments);
}
