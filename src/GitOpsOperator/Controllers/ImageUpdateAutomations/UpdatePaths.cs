namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>The repo root is the wall: spec.update.path is relative and never climbs out of the work tree.</summary>
public static class UpdatePaths
{
    public static bool StaysInside(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return false;
        }

        var depth = 0;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            depth += part switch { "." => 0, ".." => -1, _ => 1 };
            if (depth < 0)
            {
                return false;
            }
        }

        return true;
    }
}
