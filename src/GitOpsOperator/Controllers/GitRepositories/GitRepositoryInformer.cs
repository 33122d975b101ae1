using GitOpsOperator.Api;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>The GitRepositories of one namespace (or all), kept current by list + watch.</summary>
public sealed class GitRepositoryInformer(IKubernetes client, string? watchedNamespace, ILogger<GitRepositoryInformer> logger)
    : CustomObjectInformer<GitRepository, GitRepositoryList>(client, GitOpsApi.GitRepositoryPlural, watchedNamespace, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public GitRepository? Get(GitRepositoryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
