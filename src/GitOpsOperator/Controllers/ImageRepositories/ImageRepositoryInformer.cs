using GitOpsOperator.Api;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>The ImageRepositories of one namespace (or all), kept current by list + watch.</summary>
public sealed class ImageRepositoryInformer(IKubernetes client, string? watchedNamespace, ILogger<ImageRepositoryInformer> logger)
    : CustomObjectInformer<ImageRepository, ImageRepositoryList>(client, GitOpsApi.ImageRepositoryPlural, watchedNamespace, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public ImageRepository? Get(ImageRepositoryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
