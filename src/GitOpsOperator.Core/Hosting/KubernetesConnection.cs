using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace GitOpsOperator.Hosting;

/// <summary>
/// Where the operator finds its cluster: the given kubeconfig, else KUBECONFIG, else ~/.kube/config, else the
/// in-cluster service account. Unlike KubernetesClient's default it never falls back to localhost:8080.
/// </summary>
public sealed record KubernetesConnection(KubernetesClientConfiguration Configuration, string Source)
{
    /// <summary>The connection; <paramref name="context"/> picks a kubeconfig context other than the current one.</summary>
    public static KubernetesConnection Resolve(string? kubeconfigPath, string? context = null)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return FromFiles([kubeconfigPath], $"kubeconfig {kubeconfigPath}", context);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var paths = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            return FromFiles(paths, $"KUBECONFIG {fromEnvironment}", context);
        }

        var home = KubernetesClientConfiguration.KubeConfigDefaultLocation;
        if (File.Exists(home))
        {
            return FromFiles([home], $"kubeconfig {home}", context);
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return new(KubernetesClientConfiguration.InClusterConfig(), "in-cluster service account");
        }

        throw new KubeConfigException(
            "no Kubernetes configuration found: pass --kubeconfig PATH, set KUBECONFIG, create ~/.kube/config or run in a cluster");
    }

    /// <summary>The first of the files that exists (KUBECONFIG may list several).</summary>
    private static KubernetesConnection FromFiles(IReadOnlyList<string> paths, string source, string? context)
    {
        var existing = paths.FirstOrDefault(File.Exists)
            ?? throw new KubeConfigException($"kubeconfig {string.Join(", ", paths)} does not exist");
        var kubeconfig = KubernetesClientConfiguration.LoadKubeConfig(existing);
        kubeconfig.CurrentContext = context ?? kubeconfig.CurrentContext;
        DropUserWithoutCredentials(kubeconfig);
        return new(KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig), source);
    }

    /// <summary>
    /// kubectl accepts a user with no credentials ("user: {}", e.g. a local API server without authentication);
    /// KubernetesClient refuses it, but connects anonymously when the context names no user.
    /// </summary>
    private static void DropUserWithoutCredentials(K8SConfiguration kubeconfig)
    {
        var context = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == kubeconfig.CurrentContext)?.ContextDetails;
        var user = kubeconfig.Users?.FirstOrDefault(u => u.Name == context?.User);
        if (context is not null && user is not null && !HasCredentials(user.UserCredentials))
        {
            context.User = null;
        }
    }

    private static bool HasCredentials(UserCredentials? credentials) =>
        credentials is not null
        && (!string.IsNullOrEmpty(credentials.Token)
            || !string.IsNullOrEmpty(credentials.UserName)
            || !string.IsNullOrEmpty(credentials.ClientCertificateData)
            || !string.IsNullOrEmpty(credentials.ClientCertificate)
            || credentials.ExternalExecution is not null
            || credentials.AuthProvider is not null);
}
