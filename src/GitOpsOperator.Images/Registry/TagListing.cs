namespace GitOpsOperator.Images.Registry;

/// <summary>
/// The tags a registry listed for a repository, in the order it listed them; <paramref name="Truncated"/> when the
/// listing stopped at the tag limit. <paramref name="Requests"/> counts the pages asked for.
/// </summary>
public sealed record TagListing(IReadOnlyList<string> Tags, bool Truncated, int Requests);
