using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Patching;

namespace KubeEmulator.Http;

/// <summary>The 409 a server-side apply gets when another manager owns fields it sets, worded as the real server words it.</summary>
internal static class ApplyConflict
{
    public static ApiException Error(ResourceType type, string name, IReadOnlyList<FieldConflict> conflicts)
    {
        var causes = conflicts.Select(c => new StatusDetailCause("FieldManagerConflict", ApplyConflictMessage.CauseFor(c), c.Path)).ToList();
        return new ApiException(409, "Conflict", ApplyConflictMessage.For(conflicts), new StatusDetails(name, type.Group, type.Plural, causes));
    }
}
