namespace GitOpsOperator.Images.Policies;

/// <summary>
/// An ImagePolicy's choice, as its spec states it: exactly one of a semver range, an alphabetical order or a numerical
/// order ("asc" or "desc"), an optional filter (Go pattern and extract template), and whether a downgrade is allowed.
/// </summary>
public sealed record PolicySpec(
    string? SemverRange = null,
    string? AlphabeticalOrder = null,
    string? NumericalOrder = null,
    string? FilterPattern = null,
    string? FilterExtract = null,
    bool AllowDowngrade = false);
