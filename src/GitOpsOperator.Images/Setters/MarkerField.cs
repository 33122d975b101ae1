namespace GitOpsOperator.Images.Setters;

/// <summary>
/// Which part of the selected image a marker writes: <c>"ns:policy"</c> is <see cref="Image"/> (the whole reference
/// image:tag), <c>"ns:policy:tag"</c> <see cref="Tag"/>, <c>"ns:policy:name"</c> <see cref="Name"/> (the image without
/// tag), <c>"ns:policy:digest"</c> <see cref="Digest"/>.
/// </summary>
public enum MarkerField
{
    Image,
    Tag,
    Name,
    Digest,
}

internal static class MarkerFields
{
    /// <summary>The value a marker of this field takes from the selected image; null when there is none (no digest).</summary>
    public static string? ValueOf(this MarkerField field, SelectedImage selected) => field switch
    {
        MarkerField.Image => $"{selected.Image}:{selected.Tag}",
        MarkerField.Tag => selected.Tag,
        MarkerField.Name => selected.Image,
        _ => string.IsNullOrEmpty(selected.Digest) ? null : selected.Digest,
    };
}
