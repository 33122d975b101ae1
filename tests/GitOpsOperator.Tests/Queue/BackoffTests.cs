using GitOpsOperator.Queue;

namespace GitOpsOperator.Tests.Queue;

public sealed class BackoffTests
{
    [Fact]
    public void Delay_doubles_per_failure_and_stops_at_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), Jitter: 0);
        var random = new Random(1);

        var delays = Enumerable.Range(1, 8).Select(n => backoff.DelayAfter(n, random).TotalSeconds);

        Assert.Equal([30, 60, 120, 240, 480, 600, 600, 600], delays);
    }

    [Fact]
    public void Jitter_shortens_delays_by_at_most_its_fraction_and_never_exceeds_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Jitter: 0.2);
        var random = new Random(7);

        for (var failures = 1; failures <= 12; failures++)
        {
            var unjittered = Math.Min(Math.Pow(2, failures - 1), 60);
            var samples = Enumerable.Range(0, 50).Select(_ => backoff.DelayAfter(failures, random).TotalSeconds).ToArray();
            Assert.All(samples, s => Assert.InRange(s, unjittered * 0.8, unjittered));
            Assert.True(samples.Distinct().Count() > 1, $"delays after {failures} failures are all equal: no jitter");
        }
    }

    [Fact]
    public void Zero_failures_is_not_a_backoff()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.DelayAfter(0, new Random(1)));
    }
}
