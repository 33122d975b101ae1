namespace GitOpsOperator.Queue;

/// <summary>The metrics of a queue nobody scrapes (a queue built without <see cref="WorkQueueOptions.Metrics"/>).</summary>
public sealed class UnobservedQueue : IWorkQueueMetrics
{
    public static UnobservedQueue Instance { get; } = new();

    private UnobservedQueue()
    {
    }

    public void QueueCreated(string queue)
    {
    }

    public void DepthChanged(string queue, int depth)
    {
    }

    public void Processed(string queue, bool succeeded, TimeSpan duration)
    {
    }
}
