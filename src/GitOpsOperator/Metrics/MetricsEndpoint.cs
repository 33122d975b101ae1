using GitOpsOperator.Hosting;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace GitOpsOperator.Metrics;

/// <summary>/metrics: the operator's own registry in the Prometheus text format.</summary>
public sealed class MetricsEndpoint(OperatorMetrics metrics) : IEndpointMapper
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapMetrics("/metrics", metrics.Registry);
}
