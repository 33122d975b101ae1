using Microsoft.AspNetCore.Routing;

namespace GitOpsOperator.Hosting;

/// <summary>A part of the operator that serves HTTP routes on the operator's port (health, metrics, webhooks).</summary>
public interface IEndpointMapper
{
    void Map(IEndpointRouteBuilder endpoints);
}
