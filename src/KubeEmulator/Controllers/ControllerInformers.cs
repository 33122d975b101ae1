using GitOpsOperator.Machinery.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeEmulator.Controllers;

/// <summary>The simulated controllers' informers: the shared <see cref="Informer{T}"/> over a kind's list and watch, backing off briefly as befits a local server.</summary>
internal static class ControllerInformers
{
    private static readonly InformerOptions Backoff = new()
    {
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(5),
    };

    public static Informer<T> For<T>(KindApi<T> api)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new(new KindListWatch<T>(api), NullLogger.Instance, Backoff);

    /// <summary>The object under a work-queue key (namespace/name), or null when it does not exist (any more).</summary>
    public static T? Get<T>(this Informer<T> informer, string key)
        where T : class
    {
        var (namespaceName, name) = ObjectKey.Split(key);
        return informer.Get(namespaceName, name);
    }
}
