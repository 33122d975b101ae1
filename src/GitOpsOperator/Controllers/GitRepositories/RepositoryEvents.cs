using GitOpsOperator.Api;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>Kubernetes Events about a GitRepository; failing to record one is logged, never fails the reconcile.</summary>
public sealed partial class RepositoryEvents(IKubernetes client, TimeProvider time, ILogger<RepositoryEvents> logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
    public const string NewArtifact = "NewArtifact";

    private const string Component = "gitops-operator";

    public async Task RecordAsync(GitRepository repository, string type, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var now = time.GetUtcNow().UtcDateTime;
        var namespaceName = repository.Metadata.NamespaceProperty;
        var recorded = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{repository.Metadata.Name}.{Guid.NewGuid().ToString("N")[..16]}", NamespaceProperty = namespaceName },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = repository.ApiVersion,
                Kind = repository.Kind,
                Name = repository.Metadata.Name,
                NamespaceProperty = namespaceName,
                Uid = repository.Metadata.Uid,
                ResourceVersion = repository.Metadata.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = Component },
            ReportingComponent = Component,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };

        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(recorded, namespaceName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpOperationException or HttpRequestException)
        {
            LogEventFailed(logger, reason, namespaceName, repository.Metadata.Name, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the {Reason} event of GitRepository {Namespace}/{Name}: {Error}")]
    private static partial void LogEventFailed(ILogger logger, string reason, string @namespace, string name, string error);
}
