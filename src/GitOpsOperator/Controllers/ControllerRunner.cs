using Microsoft.Extensions.Hosting;

namespace GitOpsOperator.Controllers;

/// <summary>Runs every registered <see cref="IController"/> side by side for the life of the host.</summary>
public sealed class ControllerRunner(IEnumerable<IController> controllers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(controllers.Select(controller => controller.RunAsync(stoppingToken)));
}
