using GitOpsOperator.Hosting;
using GitOpsOperator.Hosting.Leadership;
using k8s;

namespace GitOpsOperator.Tests.Leadership;

/// <summary>
/// One replica's leader election in-process: its "work" runs while it leads and counts its terms, so tests see
/// when it starts, when its token is cancelled and when it starts again.
/// </summary>
internal sealed class Candidate : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;
    private int terms;
    private int leading;

    private Candidate(IKubernetes client, LeaseSettings settings)
    {
        Settings = settings;
        var leadership = new LeaseLeadership(client, settings, Readiness, TimeProvider.System, Log);
        running = Task.Run(() => leadership.RunAsync(LeadAsync, stopping.Token));
    }

    public LeaseSettings Settings { get; }

    public string Identity => Settings.Identity;

    public Readiness Readiness { get; } = new();

    public RecordingLogger<LeaseLeadership> Log { get; } = new();

    /// <summary>How many times its work was started.</summary>
    public int Terms => Volatile.Read(ref terms);

    /// <summary>True while its work runs (started and its token not yet cancelled).</summary>
    public bool Leading => Volatile.Read(ref leading) == 1;

    /// <summary>Short timing, so a lost Lease is noticed in seconds.</summary>
    public static LeaseSettings Fast(string identity, TimeSpan? leaseDuration = null) =>
        new("default", "leader-test", identity)
        {
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
        };

    public static Candidate Start(IKubernetes client, LeaseSettings settings) => new(client, settings);

    /// <summary>Stops as the host would on SIGTERM and waits until it has returned.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref terms);
        Volatile.Write(ref leading, 1);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Volatile.Write(ref leading, 0);
        }
    }
}
