using GitOpsOperator.Hosting.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers;

/// <summary>
/// Runs every registered <see cref="IController"/> side by side whenever this process leads (always, without leader
/// election). Each term resolves the controllers from a new scope: register a controller and its per-run state
/// (work queue, informer) Scoped, so a replica that leads again starts them afresh.
/// </summary>
public sealed partial class ControllerRunner(ILeadership leadership, IServiceScopeFactory scopes, ILogger<ControllerRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunAsync(leading => RunControllersAsync(leading, stoppingToken), stoppingToken);

    private async Task RunControllersAsync(CancellationToken cancellationToken, CancellationToken stoppingToken)
    {
        using var lost = new CancellationTokenSource();
        using var leadershipEnded = cancellationToken.Register(() =>
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                lost.Cancel();
            }
        });
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            scope.ServiceProvider.GetRequiredService<LeadershipTerm>().Begin(lost.Token);
            var controllers = scope.ServiceProvider.GetServices<IController>().ToList();
            var kinds = string.Join(", ", controllers.Select(c => c.Kind));
            LogStarting(logger, kinds);
            await Task.WhenAll(controllers.Select(c => c.RunAsync(cancellationToken))).ConfigureAwait(false);
            LogStopped(logger, kinds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Controllers started: {Kinds}")]
    private static partial void LogStarting(ILogger logger, string kinds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Controllers stopped: {Kinds}")]
    private static partial void LogStopped(ILogger logger, string kinds);
}
