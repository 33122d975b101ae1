using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>The ImageUpdateAutomations of one namespace (or all), kept current by list + watch.</summary>
public sealed class ImageUpdateAutomationInformer(KubeApi api, string? watchedNamespace, Readiness readiness, ILogger<ImageUpdateAutomationInformer> logger)
    : CustomObjectInformer<ImageUpdateAutomation>(
        api, GitOpsApi.ImageUpdateAutomationKind, GitOpsApi.ImageUpdateAutomationPlural, watchedNamespace, readiness, logger)
{
    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public ImageUpdateAutomation? Get(ImageUpdateAutomationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Get(key.Namespace, key.Name);
    }
}
