namespace GitOpsOperator.Hosting.Leadership;

/// <summary>No leader election: this process always leads (one replica, or a laptop).</summary>
public sealed class SingleReplica : ILeadership
{
    public Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return lead(stoppingToken);
    }
}
