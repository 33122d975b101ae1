using System.Text.RegularExpressions;

namespace GitOpsOperator.Source.Resolution;

/// <summary>Which revision of a remote to follow: spec.ref of a GitRepository.</summary>
public abstract partial record GitReference
{
    public static readonly GitReference DefaultBranch = new RemoteHead();

    /// <summary>
    /// Builds the reference from spec.ref's fields: at most one may be set (none means the remote's default branch),
    /// and the one set must be well-formed; otherwise <see cref="FailureReason.InvalidSpec"/>.
    /// </summary>
    public static Result<GitReference> FromSpec(string? branch, string? tag, string? semver, string? commit)
    {
        var set = new[] { ("branch", branch), ("tag", tag), ("semver", semver), ("commit", commit) }
            .Where(field => !string.IsNullOrWhiteSpace(field.Item2))
            .ToList();
        if (set.Count > 1)
        {
            return Result<GitReference>.Fail(
                FailureReason.InvalidSpec,
                $"spec.ref sets {string.Join(" and ", set.Select(f => f.Item1))}; set at most one");
        }

        GitReference reference = set.Count == 0
            ? DefaultBranch
            : set[0].Item1 switch
            {
                "branch" => new Branch(branch!.Trim()),
                "tag" => new Tag(tag!.Trim()),
                "semver" => new SemverRange(semver!.Trim()),
                _ => new Commit(commit!.Trim()),
            };
        var problem = reference.Validate();
        return problem is null ? Result<GitReference>.Ok(reference) : Result<GitReference>.Fail(FailureReason.InvalidSpec, problem);
    }

    /// <summary>Why this reference cannot work, or null when it is well-formed.</summary>
    public abstract string? Validate();

    private static string? ValidRefName(string field, string name) =>
        name.Length > 0 && !name.StartsWith('-') && !name.StartsWith('/') && !name.EndsWith('/') && !name.EndsWith(".lock", StringComparison.Ordinal)
            && !name.Contains("..", StringComparison.Ordinal) && !name.Contains("//", StringComparison.Ordinal) && !name.Contains("@{", StringComparison.Ordinal)
            && !ForbiddenInRefName().IsMatch(name)
            ? null
            : $"spec.ref.{field} \"{name}\" is not a valid git ref name";

    [GeneratedRegex(@"[\x00-\x20\x7f~^:?*\[\\]")]
    private static partial Regex ForbiddenInRefName();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();

    /// <summary>The remote's default branch (its HEAD), reported by its resolved name.</summary>
    public sealed record RemoteHead : GitReference
    {
        public override string? Validate() => null;

        public override string ToString() => "the default branch";
    }

    /// <summary>The head of a branch.</summary>
    public sealed record Branch(string Name) : GitReference
    {
        public override string? Validate() => ValidRefName("branch", Name);

        public override string ToString() => $"branch {Name}";
    }

    /// <summary>A tag; annotated tags are peeled to their commit.</summary>
    public sealed record Tag(string Name) : GitReference
    {
        public override string? Validate() => ValidRefName("tag", Name);

        public override string ToString() => $"tag {Name}";
    }

    /// <summary>The highest tag whose version (an optional <c>v</c> prefix allowed) satisfies an npm-style range.</summary>
    public sealed record SemverRange(string Range) : GitReference
    {
        public override string? Validate() => VersionRange.TryParse(Range, out _)
            ? null
            : $"spec.ref.semver \"{Range}\" is not a version range (e.g. \">=1.4.0 <2.0.0\", \"^1.4\", \"1.x\")";

        public override string ToString() => $"semver {Range}";
    }

    /// <summary>A pinned commit, by full SHA.</summary>
    public sealed record Commit(string Sha) : GitReference
    {
        public override string? Validate() => FullSha().IsMatch(Sha)
            ? null
            : $"spec.ref.commit \"{Sha}\" is not a full 40-character lower-case SHA-1";

        public override string ToString() => $"commit {Sha}";
    }
}
