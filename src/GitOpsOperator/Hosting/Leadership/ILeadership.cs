namespace GitOpsOperator.Hosting.Leadership;

/// <summary>Decides when this process may reconcile: always (one replica) or while it holds the leader Lease.</summary>
public interface ILeadership
{
    /// <summary>
    /// Runs <paramref name="lead"/> whenever this process leads, cancelling its token the moment leadership ends, and
    /// starts it again when leadership returns; returns once stopped and the last run has returned.
    /// </summary>
    Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken stoppingToken);
}
