using GitOpsOperator.Controllers;
using GitOpsOperator.Hosting.Leadership;
using GitOpsOperator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.Leadership;

public sealed class ControllerRunnerTests
{
    /// <summary>Leads twice in a row: the first term ends as a lost Lease would end it.</summary>
    private sealed class TwoTerms : ILeadership
    {
        public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
        {
            for (var term = 0; term < 2; term++)
            {
                using var leading = new CancellationTokenSource();
                var work = lead(leading.Token);
                await leading.CancelAsync();
                await work;
            }
        }
    }

    private sealed class CountingController(List<CountingController> ran, LeadershipTerm term) : IController, IDisposable
    {
        public string Kind => "Counting";

        public bool Disposed { get; private set; }

        /// <summary>Whether its term said, when the run ended, that the Lease was lost (work to drop at once).</summary>
        public bool LostLease { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            lock (ran)
            {
                ran.Add(this);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped, as a controller stops: by returning.
            }

            LostLease = term.Lost.IsCancellationRequested;
        }

        public void Dispose() => Disposed = true;
    }

    /// <summary>A container with one controller kind, registered as controllers are: scoped.</summary>
    private static ServiceProvider ScopedCountingControllers(List<CountingController> ran)
    {
        var services = new ServiceCollection();
        services.AddSingleton(ran);
        services.AddScoped<LeadershipTerm>();
        services.AddScoped<IController, CountingController>();
        return services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task Each_term_runs_new_controllers_drops_their_work_when_the_lease_is_lost_and_disposes_them()
    {
        List<CountingController> ran = [];
        await using var provider = ScopedCountingControllers(ran);
        using var runner = new ControllerRunner(new TwoTerms(), provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<ControllerRunner>.Instance);

        await runner.StartAsync(CancellationToken.None);
        await runner.ExecuteTask!;

        Assert.Equal(2, ran.Count);
        Assert.NotSame(ran[0], ran[1]);
        Assert.All(ran, controller => Assert.True(controller.Disposed && controller.LostLease));
    }

    [Fact]
    public async Task Without_leader_election_the_controllers_run_until_the_host_stops_gracefully()
    {
        List<CountingController> ran = [];
        await using var provider = ScopedCountingControllers(ran);
        using var runner = new ControllerRunner(new SingleReplica(), provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<ControllerRunner>.Instance);

        await runner.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => { lock (ran) { return ran.Count == 1; } }, "the controller runs");
        Assert.False(runner.ExecuteTask!.IsCompleted);
        await runner.StopAsync(CancellationToken.None);

        Assert.True(runner.ExecuteTask.IsCompletedSuccessfully);
        var controller = Assert.Single(ran);
        Assert.True(controller.Disposed);
        Assert.False(controller.LostLease);
    }
}
