namespace GitOpsOperator.Images.Setters;

/// <summary>
/// What an ImagePolicy selected (its status.latestRef): the image repository without tag, the tag, and the digest the
/// tag pointed at when it was selected.
/// </summary>
public sealed record SelectedImage(string Image, string Tag, string? Digest);
