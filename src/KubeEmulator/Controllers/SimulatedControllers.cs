using k8s;
using KubeEmulator.Security.Rbac;

namespace KubeEmulator.Controllers;

/// <summary>
/// What a healthy cluster's controllers would do, driven through the emulator's own API: Deployments get a
/// controlled ReplicaSet, workloads get ready status after a delay, Jobs complete, aggregated ClusterRoles gather rules.
/// </summary>
public static class SimulatedControllers
{
    /// <summary>Runs until cancelled. The client talks to the emulator with <see cref="ControllerOptions.UserAgent"/>.</summary>
    public static async Task RunAsync(IKubernetes client, ControllerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ISimulatedController[] controllers =
        [
            new DeploymentController(client, options),
            ReplicaSetController.Create(client, options),
            StatefulSetController.Create(client, options),
            DaemonSetController.Create(client, options),
            JobController.Create(client, options),
            PersistentVolumeClaimController.Create(client, options),
            LoadBalancerController.Create(client, options),
            new ClusterRoleAggregationController(client),
        ];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Task.WhenAll(controllers.Select(c => RunOrStopAllAsync(c, stop))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
    }

    /// <summary>A controller that fails stops the others, so the failure surfaces instead of waiting forever beside them.</summary>
    private static async Task RunOrStopAllAsync(ISimulatedController controller, CancellationTokenSource stop)
    {
        try
        {
            await controller.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
