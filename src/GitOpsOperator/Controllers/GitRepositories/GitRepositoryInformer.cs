using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>The GitRepositories of one namespace (or all), kept current by list + watch.</summary>
public sealed class GitRepositoryInformer(KubeApi api, string? watchedNamespace, Readiness readiness, ILogger<GitRepositoryInformer> logger)
    : CustomObjectInformer<GitRepository>(api, GitOpsApi.GitRepositoryKind, GitOpsApi.GitRepositoryPlural, watchedNamespace, readiness, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public GitRepository? Get(GitRepositoryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
