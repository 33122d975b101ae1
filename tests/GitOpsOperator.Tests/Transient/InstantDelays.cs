namespace GitOpsOperator.Tests.Transient;

/// <summary>A clock whose timers fire at once; it records every delay asked for, so back-off can be checked without waiting.</summary>
internal sealed class InstantDelays : TimeProvider
{
    private readonly List<TimeSpan> requested = [];

    public IReadOnlyList<TimeSpan> Requested
    {
        get
        {
            lock (requested)
            {
                return [.. requested];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (requested)
        {
            requested.Add(dueTime);
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
