using k8s;
using k8s.Exceptions;

namespace GitOpsOperator.Hosting;

/// <summary>
/// Where the operator finds its cluster: the given kubeconfig, else KUBECONFIG, else ~/.kube/config, else the
/// in-cluster service account. Unlike KubernetesClient's default it never falls back to localhost:8080.
/// </summary>
public sealed record KubernetesConnection(KubernetesClientConfiguration Configuration, string Source)
{
    public static KubernetesConnection Resolve(string? kubeconfigPath)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return FromFiles([kubeconfigPath], $"kubeconfig {kubeconfigPath}");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var paths = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            return FromFiles(paths, $"KUBECONFIG {fromEnvironment}");
        }

        var home = KubernetesClientConfiguration.KubeConfigDefaultLocation;
        if (File.Exists(home))
        {
            return FromFiles([home], $"kubeconfig {home}");
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return new(KubernetesClientConfiguration.InClusterConfig(), "in-cluster service account");
        }

        throw new KubeConfigException(
            "no Kubernetes configuration found: pass --kubeconfig PATH, set KUBECONFIG, create ~/.kube/config or run in a cluster");
    }

    /// <summary>The first of the files that exists (KUBECONFIG may list several).</summary>
    private static KubernetesConnection FromFiles(IReadOnlyList<string> paths, string source)
    {
        var existing = paths.FirstOrDefault(File.Exists)
            ?? throw new KubeConfigException($"kubeconfig {string.Join(", ", paths)} does not exist");
        return new(KubernetesClientConfiguration.BuildConfigFromConfigFile(existing), source);
    }
}
