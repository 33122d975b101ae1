using GitOpsOperator.Api;
using GitOpsOperator.Images.Setters;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// Rollback stays <c>git revert</c>: a marker whose value a later commit changed from the one the automation released
/// is held (not edited) while its policy still selects that released value. The hold ends when the policy selects
/// something else (a newer tag: no downgrade is ever selected) or a person sets the marker back.
/// </summary>
public static class MarkerHolds
{
    /// <summary>
    /// The held markers among <paramref name="markers"/>: <paramref name="selected"/> gives a policy's value for a field
    /// (null when it has no selection).
    /// </summary>
    public static IReadOnlyList<(MarkerValue Marker, MarkerHold Hold)> Find(
        IEnumerable<MarkerValue> markers, IReadOnlyList<ReleasedValue> released, Func<string, MarkerField, string?> selected)
    {
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(selected);
        var holds = new List<(MarkerValue, MarkerHold)>();
        foreach (var marker in markers)
        {
            var release = released.FirstOrDefault(r => r.File == marker.File && r.Policy == marker.Policy && r.Field == FieldName(marker.Field));
            if (release is null || release.Value == marker.Value || selected(marker.Policy, marker.Field) != release.Value)
            {
                continue;
            }

            holds.Add((marker, new MarkerHold
            {
                File = marker.File,
                Policy = marker.Policy,
                Value = marker.Value,
                Reason = $"{FieldName(marker.Field)} changed from {release.Value} by a later commit; held until {marker.Policy} selects a newer tag or the marker is set back",
            }));
        }

        return holds;
    }

    /// <summary>
    /// What the automation has released after a run: the values it wrote now, and the earlier releases of markers still
    /// present (a marker gone from the files is forgotten).
    /// </summary>
    public static IReadOnlyList<ReleasedValue> Update(IReadOnlyList<ReleasedValue> released, IEnumerable<MarkerValue> present, IEnumerable<FileChange> written)
    {
        ArgumentNullException.ThrowIfNull(released);
        var now = written.Select(w => new ReleasedValue { File = w.File, Policy = w.Policy, Field = FieldName(w.Field), Value = w.NewValue })
            .GroupBy(w => (w.File, w.Policy, w.Field))
            .ToDictionary(group => group.Key, group => group.Last());
        var kept = present.Select(p => (p.File, p.Policy, FieldName(p.Field))).ToHashSet();
        return [.. released
            .Where(r => kept.Contains((r.File, r.Policy, r.Field)) && !now.ContainsKey((r.File, r.Policy, r.Field)))
            .Concat(now.Values)
            .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Policy, StringComparer.Ordinal).ThenBy(r => r.Field, StringComparer.Ordinal)];
    }

    /// <summary>The field as status.released names it: image, tag, name or digest.</summary>
    public static string FieldName(MarkerField field) => field.ToString().ToLowerInvariant();
}
