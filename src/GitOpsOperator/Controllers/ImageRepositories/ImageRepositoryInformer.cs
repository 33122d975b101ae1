using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>The ImageRepositories of one namespace (or all), kept current by list + watch.</summary>
public sealed class ImageRepositoryInformer(KubeApi api, string? watchedNamespace, Readiness readiness, ILogger<ImageRepositoryInformer> logger)
    : CustomObjectInformer<ImageRepository>(api, GitOpsApi.ImageRepositoryKind, GitOpsApi.ImageRepositoryPlural, watchedNamespace, readiness, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public ImageRepository? Get(ImageRepositoryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
