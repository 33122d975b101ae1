using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>The cache and work-queue key of an object: namespace/name.</summary>
internal static class ObjectKey
{
    public static string Of(IKubernetesObject<V1ObjectMeta> item) => For(item.Namespace(), item.Name());

    public static string For(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";

    public static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", key) : (key[..slash], key[(slash + 1)..]);
    }
}
