using k8s;

namespace KubeEmulator.Controllers;

/// <summary>
/// What a healthy cluster's controllers would do, driven through the emulator's own API: Deployments get a
/// controlled ReplicaSet, workloads get ready status after a delay, Jobs complete.
/// </summary>
public static class SimulatedControllers
{
    /// <summary>Runs until cancelled. The client talks to the emulator with <see cref="ControllerOptions.UserAgent"/>.</summary>
    public static Task RunAsync(IKubernetes client, ControllerOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();
}
