using GitOpsOperator.Api;
using GitOpsOperator.Images.Setters;
using GitOpsOperator.Source.Push;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// The edit a push runs on its work tree (again on the new tip after a lost race): read the markers under the update
/// path, find the held ones, rewrite the others to their policies' selections and compose the commit message.
/// <see cref="Last"/> keeps what the last run found, for the status.
/// </summary>
public sealed class ReleaseEdit(
    string updatePath, MarkerOptions options, Func<string, SelectedImage?> lookup, IReadOnlyList<ReleasedValue> released, bool holdsApply, string? messageTemplate)
{
    public EditRun? Last { get; private set; }

    public Task<EditOutcome> EditAsync(string workTree, CancellationToken cancellationToken)
    {
        var scan = MarkerEditor.Read(workTree, updatePath, options, cancellationToken);
        var holds = holdsApply ? MarkerHolds.Find(scan.Markers, released, Selected) : [];
        var held = holds.Select(hold => hold.Marker).ToHashSet();
        var result = MarkerEditor.Apply(workTree, updatePath, lookup, options with { Hold = held.Contains }, cancellationToken);
        var releases = result.Changes.Select(Release).ToList();
        Last = new EditRun(scan.Markers, result, [.. holds.Select(hold => hold.Hold)], releases, released);
        var message = result.Changes.Count == 0 ? null : ReleaseMessage.Format(messageTemplate, releases);
        return Task.FromResult(new EditOutcome(message));
    }

    private string? Selected(string policy, MarkerField field) => lookup(policy) is { } selected ? MarkerEditor.ValueOf(field, selected) : null;

    // The message names tags: a whole-reference marker's values lose their image prefix.
    private static ReleaseMessage.Release Release(FileChange change)
    {
        var prefix = change.Image + ":";
        return new ReleaseMessage.Release(change.Image, Strip(change.OldValue, prefix), Strip(change.NewValue, prefix));
    }

    private static string Strip(string value, string prefix) => value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
}

/// <summary>What one run of the edit found and did.</summary>
public sealed record EditRun(
    IReadOnlyList<MarkerValue> Markers, SetterResult Result, IReadOnlyList<MarkerHold> Holds, IReadOnlyList<ReleaseMessage.Release> Releases,
    IReadOnlyList<ReleasedValue> ReleasedBefore)
{
    /// <summary>The run's outcome once the push is done: <paramref name="commit"/> is null when nothing was pushed.</summary>
    public RunOutcome Outcome(string? commit) => new(
        commit,
        commit is null ? [] : Releases,
        [.. Result.Errors.Select(error => error.ToString())],
        Holds,
        MarkerHolds.Update(ReleasedBefore, Markers, commit is null ? [] : Result.Changes));
}
