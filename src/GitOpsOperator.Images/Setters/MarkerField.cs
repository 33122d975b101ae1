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
