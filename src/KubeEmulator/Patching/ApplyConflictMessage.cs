namespace KubeEmulator.Patching;

/// <summary>The message of the 409 an apply with conflicts gets, worded as the real server words it.</summary>
public static class ApplyConflictMessage
{
    public static string For(IReadOnlyList<FieldConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].DescribeManager()}: {conflicts[0].Path}";
        }

        var lines = conflicts
            .GroupBy(conflict => conflict.DescribeManager())
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group => group.Select(conflict => $"- {conflict.Path}").Prepend($"conflicts with {group.Key}:"));
        return $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }

    /// <summary>The message of one status cause of that 409 (its field is the conflict's path).</summary>
    public static string CauseFor(FieldConflict conflict) => $"conflict with {conflict.DescribeManager()}";
}
