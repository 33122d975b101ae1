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
    public Kubernetes Create() => new(
        connection.Configuration,
        new TransientRetryHandler(RetryPolicy.Default, metrics, loggers.CreateLogger<TransientRetryHandler>(), time),
        new ApiRequestCounter(metrics));
}
