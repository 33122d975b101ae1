using System.Text;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// Rewrites the values marked with Flux's image policy markers (<c># {"$imagepolicy": "ns:policy"}</c>, with
/// <c>:tag</c>, <c>:name</c> or <c>:digest</c>) in the *.yaml and *.yml files of an update path, byte for byte: only
/// the characters of each marked scalar change; comments, quotes, indentation, line endings, byte order mark and
/// every other document stay as they were.
/// </summary>
public static class MarkerEditor
{
    /// <summary>
    /// Sets each marked scalar under <paramref name="updatePath"/> (relative to <paramref name="workTree"/>; empty means
    /// "./") to what <paramref name="lookup"/> ("ns:name" → the policy's selection) says, and writes the files that
    /// changed. A marker whose policy has no selection yet (the lookup returns null), or a digest marker whose
    /// selection has no digest, is skipped: no change and no error. A marker that already holds the value, or that
    /// <see cref="MarkerOptions.Hold"/> holds, is left alone. Broken markers, and markers on something that is not a
    /// plain or quoted scalar, are <see cref="SetterResult.Errors"/>; every other marker, in the same file or not, is
    /// still applied.
    /// </summary>
    public static SetterResult Apply(
        string workTree, string? updatePath, Func<string, SelectedImage?> lookup, MarkerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var changes = new List<FileChange>();
        var errors = new List<MarkerError>();
        foreach (var (file, markers) in ValidMarkers(workTree, updatePath, options ?? new MarkerOptions(), errors, cancellationToken))
        {
            var edited = new StringBuilder(file.Text.Length + 64);
            var copied = 0;
            foreach (var (scalar, current) in markers)
            {
                var selected = options?.Hold?.Invoke(current) == true ? null : lookup(current.Policy);
                var wanted = selected is null ? null : ValueOf(current.Field, selected);
                if (wanted is null || wanted == current.Value)
                {
                    continue;
                }

                edited.Append(file.Text, copied, scalar.Start - copied).Append(ScalarWriter.Write(wanted, scalar.Style, scalar.Tagged));
                copied = scalar.End;
                changes.Add(new FileChange(file.RepoPath, current.Line, current.Policy, current.Field, current.Value, wanted, selected!.Image));
            }

            if (copied > 0)
            {
                file.Write(edited.Append(file.Text, copied, file.Text.Length - copied).ToString());
            }
        }

        return new SetterResult(changes, errors);
    }

    /// <summary>
    /// Every valid marker under <paramref name="updatePath"/> with the value its scalar holds now, and the broken ones,
    /// without writing anything: how an automation sees that a later commit (a revert, a hand edit) changed a value it
    /// released.
    /// </summary>
    public static MarkerScan Read(string workTree, string? updatePath, MarkerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<MarkerError>();
        var values = ValidMarkers(workTree, updatePath, options ?? new MarkerOptions(), errors, cancellationToken)
            .SelectMany(file => file.Markers.Select(marker => marker.Value))
            .ToList();
        return new MarkerScan(values, errors);
    }

    /// <summary>
    /// The value a marker of <paramref name="field"/> takes from <paramref name="selected"/>: image:tag, the tag, the
    /// image, or the digest (null when the selection has none).
    /// </summary>
    public static string? ValueOf(MarkerField field, SelectedImage selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        return field switch
        {
            MarkerField.Image => $"{selected.Image}:{selected.Tag}",
            MarkerField.Tag => selected.Tag,
            MarkerField.Name => selected.Image,
            _ => string.IsNullOrEmpty(selected.Digest) ? null : selected.Digest,
        };
    }

    private static IEnumerable<(MarkerFile File, List<(MarkedScalar Scalar, MarkerValue Value)> Markers)> ValidMarkers(
        string workTree, string? updatePath, MarkerOptions options, List<MarkerError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workTree);
        var (files, walkErrors) = UpdatePathFiles.Find(workTree, updatePath);
        errors.AddRange(walkErrors);
        foreach (var (repoPath, fullPath) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MarkerFile.Read(repoPath, fullPath, errors) is not { } file)
            {
                continue;
            }

            var valid = new List<(MarkedScalar, MarkerValue)>();
            foreach (var scalar in file.Markers)
            {
                var marker = scalar.Marker;
                if (options.NoCrossNamespaceRefs && marker.Namespace != options.Namespace)
                {
                    errors.Add(new MarkerError(repoPath, scalar.Line, $"the marker names the policy {marker.Policy} in another namespace than {options.Namespace}, which --no-cross-namespace-refs forbids"));
                    continue;
                }

                valid.Add((scalar, new MarkerValue(repoPath, scalar.Line, marker.Policy, marker.Field, scalar.Value)));
            }

            yield return (file, valid);
        }
    }
}
