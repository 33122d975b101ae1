namespace GitOpsOperator.Queue;

/// <summary>What a <see cref="WorkQueue{TKey}"/> reports about itself, by its <see cref="WorkQueueOptions.Name"/>.</summary>
public interface IWorkQueueMetrics
{
    /// <summary>The queue exists; its series start at zero.</summary>
    void QueueCreated(string queue);

    /// <summary>How many keys now wait for a worker.</summary>
    void DepthChanged(string queue, int depth);

    /// <summary>One run of the handler ended (cancelled runs are not reported).</summary>
    void Processed(string queue, bool succeeded, TimeSpan duration);
}
