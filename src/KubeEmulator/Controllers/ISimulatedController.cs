namespace KubeEmulator.Controllers;

/// <summary>One simulated controller: runs until cancelled.</summary>
internal interface ISimulatedController
{
    Task RunAsync(CancellationToken cancellationToken);
}
