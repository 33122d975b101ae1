namespace GitOpsOperator.Metrics;

/// <summary>Counts every request the operator's Kubernetes client sends, by verb (gitops_api_requests_total).</summary>
public sealed class ApiRequestCounter(OperatorMetrics metrics) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        metrics.ApiRequest(ApiVerb.Of(request.Method, request.RequestUri));
        return base.SendAsync(request, cancellationToken);
    }
}
