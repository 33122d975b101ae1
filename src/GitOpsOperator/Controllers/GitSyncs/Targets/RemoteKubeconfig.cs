using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Yaml;
using k8s;
using k8s.Exceptions;
using YamlDotNet.Core;

namespace GitOpsOperator.Controllers.GitSyncs.Targets;

/// <summary>
/// A remote cluster's kubeconfig as a Secret holds it, known by a hash of its content: GitSyncs whose Secrets hold the
/// same kubeconfig share one connection and one watch cache, and a changed kubeconfig is a new connection.
/// </summary>
public sealed record RemoteKubeconfig(string Hash, KubernetesClientConfiguration Configuration)
{
    /// <summary>The kubeconfig, or why it cannot be used (naming the field at fault, never quoting the content).</summary>
    public static (RemoteKubeconfig? Kubeconfig, string? Problem) Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        JsonNode? parsed;
        try
        {
            parsed = YamlJson.Convert(Encoding.UTF8.GetString(content));
        }
        catch (FormatException)
        {
            return (null, "is not valid YAML");
        }

        if (parsed is not JsonObject kubeconfig)
        {
            return (null, "holds no kubeconfig (not a YAML mapping)");
        }

        if (KubeconfigRules.Problem(kubeconfig) is { } problem)
        {
            return (null, problem);
        }

        try
        {
            using var stream = new MemoryStream(content);
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(stream);
            return (new RemoteKubeconfig(Convert.ToHexString(SHA256.HashData(content)), configuration), null);
        }
        catch (Exception error) when (error is KubeConfigException or FormatException or YamlException or CryptographicException)
        {
            return (null, "is not a usable kubeconfig: its server address, certificates or keys cannot be read");
        }
    }
}
