namespace GitOpsOperator.Source.Resolution;

/// <summary>A reference resolved against a ref listing.</summary>
/// <param name="Name">The branch or tag name the revision carries; null for a pinned commit.</param>
/// <param name="RefName">The full remote ref to fetch (null for a pinned commit: every branch and tag is fetched).</param>
internal sealed record ResolvedRef(string? Name, string? RefName, string CommitSha)
{
    /// <summary>The revision string of API.md: <c>&lt;name&gt;@sha1:&lt;sha&gt;</c> or <c>sha1:&lt;sha&gt;</c>.</summary>
    public string Revision => Name is null ? $"sha1:{CommitSha}" : $"{Name}@sha1:{CommitSha}";
}
