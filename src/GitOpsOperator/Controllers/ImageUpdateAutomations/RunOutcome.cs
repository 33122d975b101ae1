using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// A run that reached git: the commit pushed (null when nothing changed), the releases it holds, the broken markers,
/// the held markers and every marker's released value afterwards; <see cref="Message"/> is the Ready condition's text.
/// </summary>
public sealed record RunOutcome(
    string? Commit,
    IReadOnlyList<ReleaseMessage.Release> Releases,
    IReadOnlyList<string> MarkerErrors,
    IReadOnlyList<MarkerHold> Holds,
    IReadOnlyList<ReleasedValue> Released)
{
    public string Message
    {
        get
        {
            var held = Holds.Count > 0 ? $"; {Holds.Count} marker(s) held" : "";
            return MarkerErrors.Count > 0
                ? $"{string.Join("; ", MarkerErrors)}{(Commit is null ? "" : $" (the valid markers were released in {Commit})")}{held}"
                : Commit is null
                    ? $"no marker needs a change{held}"
                    : $"released {Releases.Count} change(s) in {Commit}{held}";
        }
    }
}
