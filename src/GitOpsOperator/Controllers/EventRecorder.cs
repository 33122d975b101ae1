using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers;

/// <summary>
/// Records Kubernetes Events (core/v1) about one of our objects, so <c>kubectl describe</c> shows them; failing to
/// record one is logged, never fails the reconcile.
/// </summary>
public sealed partial class EventRecorder(IKubernetes client, TimeProvider time, ILogger<EventRecorder> logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    private const string Component = "gitops-operator";

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(involved);
        var now = time.GetUtcNow().UtcDateTime;
        var namespaceName = involved.Metadata.NamespaceProperty;
        var recorded = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{involved.Metadata.Name}.{Guid.NewGuid().ToString("N")[..16]}", NamespaceProperty = namespaceName },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = involved.ApiVersion,
                Kind = involved.Kind,
                Name = involved.Metadata.Name,
                NamespaceProperty = namespaceName,
                Uid = involved.Metadata.Uid,
                ResourceVersion = involved.Metadata.ResourceVersion,
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
            LogEventFailed(logger, reason, involved.Kind, namespaceName, involved.Metadata.Name, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the {Reason} event of {Kind} {Namespace}/{Name}: {Error}")]
    private static partial void LogEventFailed(ILogger logger, string reason, string kind, string @namespace, string name, string error);
}
