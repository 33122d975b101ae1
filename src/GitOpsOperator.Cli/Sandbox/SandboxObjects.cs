using System.Security.Cryptography;
using GitOpsOperator.Api;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Sandbox;

/// <summary>What the sandbox asks the operator to do: follow branch main of the config repo and apply apps/demo.</summary>
public static class SandboxObjects
{
    public const string Namespace = "gitops-system";
    public const string RepositoryName = SandboxLayout.RepositoryName;
    public const string SyncName = "demo";
    public const string WebhookSecretName = "config-webhook";

    /// <summary>A safety net only: pushes reach the operator through the webhook at once.</summary>
    public const string PollInterval = "10s";

    /// <summary>The webhook path for the sandbox's GitRepository.</summary>
    public static string WebhookPath => $"/hooks/{Namespace}/{RepositoryName}";

    /// <summary>A new random webhook token (a fresh one every run; the cluster starts empty anyway).</summary>
    public static string NewWebhookToken() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    public static async Task CreateAsync(IKubernetes client, string repositoryUrl, string webhookToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = WebhookSecretName, NamespaceProperty = Namespace },
            StringData = new Dictionary<string, string> { ["token"] = webhookToken },
        };
        await client.CoreV1.CreateNamespacedSecretAsync(secret, Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);

        var repository = new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = RepositoryName, NamespaceProperty = Namespace },
            Spec = new GitRepositorySpec
            {
                Url = repositoryUrl,
                Ref = new GitReference { Branch = "main" },
                Interval = PollInterval,
                Timeout = "20s",
                WebhookSecretRef = new NamedReference { Name = WebhookSecretName },
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            repository, GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural, cancellationToken: cancellationToken).ConfigureAwait(false);

        var sync = new GitSync
        {
            Metadata = new V1ObjectMeta { Name = SyncName, NamespaceProperty = Namespace },
            Spec = new GitSyncSpec
            {
                SourceRef = new SourceReference { Name = RepositoryName },
                Path = "./" + SampleApp.Path,
                Interval = "10m",
                RetryInterval = "10s",
                Prune = true,
                Wait = true,
                Timeout = "1m",
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            sync, GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
