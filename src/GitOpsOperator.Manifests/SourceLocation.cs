namespace GitOpsOperator.Manifests;

/// <summary>Where something came from: a repo-relative file, with line and column (1-based) when known.</summary>
public sealed record SourceLocation(string File, int? Line = null, int? Column = null, int? DocumentIndex = null)
{
    public override string ToString() => (Line, Column) switch
    {
        ({ } line, { } column) => $"{File}:{line}:{column}",
        ({ } line, null) => $"{File}:{line}",
        _ => File,
    };
}
