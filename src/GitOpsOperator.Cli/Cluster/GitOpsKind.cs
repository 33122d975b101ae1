using GitOpsOperator.Api;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Cli.Cluster;

/// <summary>One of the operator's kinds, by every name kubectl accepts for it (kind, plural, singular, short name, with or without the group).</summary>
public sealed record GitOpsKind(string Kind, string Plural, string ShortName)
{
    public static readonly GitOpsKind GitSync = new(GitOpsApi.GitSyncKind, GitOpsApi.GitSyncPlural, "gsync");
    public static readonly GitOpsKind GitRepository = new(GitOpsApi.GitRepositoryKind, GitOpsApi.GitRepositoryPlural, "gitrepo");
    public static readonly GitOpsKind ImageRepository = new("ImageRepository", "imagerepositories", "imagerepo");
    public static readonly GitOpsKind ImagePolicy = new("ImagePolicy", "imagepolicies", "imgpol");
    public static readonly GitOpsKind ImageUpdateAutomation = new("ImageUpdateAutomation", "imageupdateautomations", "imgauto");

    public static readonly IReadOnlyList<GitOpsKind> All = [GitSync, GitRepository, ImageRepository, ImagePolicy, ImageUpdateAutomation];

    public string Singular => Kind.ToLowerInvariant();

    /// <summary>How kubectl names its objects in mixed listings, e.g. <c>gitsync.gitops.operator.io</c>.</summary>
    public string Resource => $"{Singular}.{GitOpsApi.Group}";

    public ResourceType Type => new(new GroupVersionKind(GitOpsApi.Group, GitOpsApi.Version, Kind), Plural, Namespaced: true);

    /// <summary>The kind a user's word names, or null.</summary>
    public static GitOpsKind? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = name.EndsWith("." + GitOpsApi.Group, StringComparison.OrdinalIgnoreCase) ? name[..^(GitOpsApi.Group.Length + 1)] : name;
        return All.FirstOrDefault(k => new[] { k.Kind, k.Plural, k.Singular, k.ShortName }.Contains(bare, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The kind a user's word names, or a usage error listing the accepted ones.</summary>
    public static GitOpsKind Require(string name, IReadOnlyList<GitOpsKind> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return Find(name) is { } kind && accepted.Contains(kind)
            ? kind
            : throw CliException.Usage($"unknown kind \"{name}\"; expected {string.Join(", ", accepted.Select(k => k.Singular))}");
    }

    /// <summary>"GitSync gitops-system/demo", as messages name an object.</summary>
    public string Describe(string ns, string name) => $"{Kind} {ns}/{name}";
}
