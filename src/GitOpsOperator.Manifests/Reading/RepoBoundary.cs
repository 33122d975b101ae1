namespace GitOpsOperator.Manifests.Reading;

/// <summary>
/// The repository root as a wall: resolves repo-relative paths (following symlinks component by component)
/// and says whether the result is still inside the root.
/// </summary>
internal sealed class RepoBoundary
{
    private const int MaxLinkHops = 40;

    public RepoBoundary(string root)
    {
        Root = RealPath(Path.GetFullPath(root)) ?? Path.GetFullPath(root);
    }

    /// <summary>The real (symlink-free) absolute path of the repository root.</summary>
    public string Root { get; }

    /// <summary>The real path of a repo-relative path, or null when it (or a symlink on the way) leaves the root.</summary>
    public string? Resolve(string repoRelative)
    {
        var lexical = Path.GetFullPath(Path.Combine(Root, repoRelative));
        return Contains(lexical) && RealPath(lexical) is { } real && Contains(real) ? real : null;
    }

    /// <summary>The real path of an absolute path, or null when a symlink on the way leaves the root.</summary>
    public string? ResolveAbsolute(string absolute) =>
        Contains(Path.GetFullPath(absolute)) && RealPath(Path.GetFullPath(absolute)) is { } real && Contains(real) ? real : null;

    public bool Contains(string absolute) =>
        absolute == Root || absolute.StartsWith(Root.EndsWith('/') ? Root : Root + "/", StringComparison.Ordinal);

    /// <summary>The repo-relative form of an absolute path inside the root, with '/' separators.</summary>
    public string Relative(string absolute)
    {
        var relative = Path.GetRelativePath(Root, absolute).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }

    private static string? RealPath(string absolute)
    {
        var pending = new Stack<string>(absolute.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = "/";
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            foreach (var targetPart in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(targetPart);
            }

            if (Path.IsPathRooted(target))
            {
                current = "/";
            }
        }

        return current;
    }
}
