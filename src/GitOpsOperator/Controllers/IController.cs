namespace GitOpsOperator.Controllers;

/// <summary>
/// A controller of one kind: watches its objects and reconciles them until the token is cancelled. Controllers are
/// not hosted services of their own; <see cref="ControllerRunner"/> runs them all while this process may reconcile.
/// </summary>
public interface IController
{
    /// <summary>The kind it reconciles, as logs and metrics name it (GitRepository, GitSync).</summary>
    string Kind { get; }

    /// <summary>Watches and reconciles until cancelled; returns once in-flight work has finished or been cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
