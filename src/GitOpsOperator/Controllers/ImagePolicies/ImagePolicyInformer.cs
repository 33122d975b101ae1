using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>The ImagePolicies of one namespace (or all), kept current by list + watch.</summary>
public sealed class ImagePolicyInformer(KubeApi api, string? watchedNamespace, Readiness readiness, ILogger<ImagePolicyInformer> logger)
    : CustomObjectInformer<ImagePolicy>(api, GitOpsApi.ImagePolicyKind, GitOpsApi.ImagePolicyPlural, watchedNamespace, readiness, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public ImagePolicy? Get(ImagePolicyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
