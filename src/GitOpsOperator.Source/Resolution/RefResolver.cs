using GitOpsOperator.Source.Remote;
using Semver;

namespace GitOpsOperator.Source.Resolution;

/// <summary>Resolves a <see cref="GitReference"/> against a remote's ref listing, without fetching.</summary>
internal static class RefResolver
{
    /// <summary>The ref and commit the reference names, or <see cref="FailureReason.RefNotFound"/>.</summary>
    public static Result<ResolvedRef> Resolve(GitReference reference, RemoteRefs refs, string url)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(refs);
        return reference switch
        {
            GitReference.Branch branch => Named(refs, branch.Name, $"refs/heads/{branch.Name}", $"branch \"{branch.Name}\" not found in {url}"),
            GitReference.Tag tag => Named(refs, tag.Name, $"refs/tags/{tag.Name}", $"tag \"{tag.Name}\" not found in {url}"),
            GitReference.SemverRange range => HighestMatchingTag(refs, range.Range, url),
            GitReference.Commit commit => Result<ResolvedRef>.Ok(new ResolvedRef(null, null, commit.Sha)),
            _ => DefaultBranch(refs, url),
        };
    }

    private static Result<ResolvedRef> Named(RemoteRefs refs, string name, string refName, string notFound) =>
        refs.Commits.TryGetValue(refName, out var sha)
            ? Result<ResolvedRef>.Ok(new ResolvedRef(name, refName, sha))
            : Result<ResolvedRef>.Fail(FailureReason.RefNotFound, notFound);

    private static Result<ResolvedRef> DefaultBranch(RemoteRefs refs, string url)
    {
        const string heads = "refs/heads/";
        return refs.Head is { } head && head.StartsWith(heads, StringComparison.Ordinal)
            ? Named(refs, head[heads.Length..], head, $"the default branch {head} of {url} has no commit")
            : Result<ResolvedRef>.Fail(FailureReason.RefNotFound, $"{url} reports no default branch (HEAD); set spec.ref.branch");
    }

    private static Result<ResolvedRef> HighestMatchingTag(RemoteRefs refs, string rangeText, string url)
    {
        VersionRange.TryParse(rangeText, out var range);
        var best = refs.TagNames
            .Select(tag => (tag, version: range!.Match(tag)))
            .Where(candidate => candidate.version is not null)
            .OrderByDescending(candidate => candidate.version!, SemVersion.PrecedenceComparer)
            .ThenBy(candidate => candidate.tag, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.tag is null
            ? Result<ResolvedRef>.Fail(FailureReason.RefNotFound, $"no tag of {url} satisfies semver range \"{rangeText}\"")
            : Named(refs, best.tag, $"refs/tags/{best.tag}", $"tag \"{best.tag}\" not found in {url}");
    }
}
