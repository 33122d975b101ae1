using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Patching;

namespace KubeEmulator.Http;

/// <summary>The 409 a server-side apply gets when another manager owns fields it sets, worded as the real server words it.</summary>
internal static class ApplyConflict
{
    public static ApiException Error(ResourceType type, string name, IReadOnlyList<FieldConflict> conflicts)
    {
        var plural = conflicts.Count == 1 ? "" : "s";
        var causes = conflicts.Select(c => new StatusDetailCause("FieldManagerConflict", $"conflict with \"{c.Manager}\"", c.Path)).ToList();
        return new ApiException(409, "Conflict", $"Apply failed with {conflicts.Count} conflict{plural}: {Describe(conflicts)}",
            new StatusDetails(name, type.Group, type.Plural, causes));
    }

    private static string Describe(IReadOnlyList<FieldConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"conflict with \"{conflicts[0].Manager}\": {conflicts[0].Path}";
        }

        var lines = conflicts.GroupBy(c => c.Manager).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => new[] { $"conflicts with \"{g.Key}\":" }.Concat(g.Select(c => $"- {c.Path}")));
        return string.Join('\n', lines);
    }
}
