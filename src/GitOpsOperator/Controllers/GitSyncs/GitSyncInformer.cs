using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>The GitSyncs of one namespace (or all), kept current by list + watch.</summary>
public sealed class GitSyncInformer(KubeApi api, string? watchedNamespace, Readiness readiness, ILogger<GitSyncInformer> logger)
    : CustomObjectInformer<GitSync>(api, GitOpsApi.GitSyncKind, GitOpsApi.GitSyncPlural, watchedNamespace, readiness, logger)
{
    public GitSync? Get(GitSyncKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
