namespace GitOpsOperator.Images.Setters;

/// <summary>
/// A marker (or a file holding markers) that cannot be applied: <paramref name="File"/> is repo-relative with '/'
/// separators, <paramref name="Line"/> 1-based (0 when the problem is not on a line, such as an update path that leaves
/// the repository).
/// </summary>
public sealed record MarkerError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
