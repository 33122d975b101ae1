using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitOpsOperator.Hosting;

/// <summary>/healthz (the process serves) and /readyz (200 once every required part is ready, else 503 naming them).</summary>
public sealed class HealthEndpoints(Readiness readiness) : IEndpointMapper
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", () =>
        {
            var pending = readiness.Pending;
            return pending.Count == 0
                ? Results.Text("ok\n")
                : Results.Text($"waiting for: {string.Join(", ", pending)}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
