using GitOpsOperator.Api;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>The ImagePolicies of one namespace (or all), kept current by list + watch.</summary>
public sealed class ImagePolicyInformer(IKubernetes client, string? watchedNamespace, ILogger<ImagePolicyInformer> logger)
    : CustomObjectInformer<ImagePolicy, ImagePolicyList>(client, GitOpsApi.ImagePolicyPlural, watchedNamespace, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public ImagePolicy? Get(ImagePolicyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
