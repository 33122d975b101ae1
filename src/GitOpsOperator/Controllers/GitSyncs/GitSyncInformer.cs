using GitOpsOperator.Api;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>The GitSyncs of one namespace (or all), kept current by list + watch.</summary>
public sealed class GitSyncInformer(IKubernetes client, string? watchedNamespace, ILogger<GitSyncInformer> logger)
    : CustomObjectInformer<GitSync, GitSyncList>(client, GitOpsApi.GitSyncPlural, watchedNamespace, logger)
{
    public GitSync? Get(GitSyncKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
