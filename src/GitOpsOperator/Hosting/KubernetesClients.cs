using GitOpsOperator.Metrics;
using GitOpsOperator.Transient;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Hosting;

/// <summary>
/// Builds every Kubernetes client the operator uses, with one handler pipeline: transient failures of idempotent
/// requests retried (outermost), then every request sent counted (so each attempt counts).
/// </summary>
public sealed class KubernetesClients(KubernetesConnection connection, OperatorMetrics metrics, ILoggerFactory loggers, TimeProvider time)
{
    /// <summary>A client of the operator's own cluster.</summary>
    public Kubernetes Create() => Create(connection.Configuration);

    /// <summary>A client of the cluster this configuration describes (a remote cluster a GitSync applies into).</summary>
    public Kubernetes Create(KubernetesClientConfiguration configuration) => new(
        configuration,
        new TransientRetryHandler(RetryPolicy.Default, metrics, loggers.CreateLogger<TransientRetryHandler>(), time),
        new ApiRequestCounter(metrics));
}
