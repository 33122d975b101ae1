using GitOpsOperator.Queue;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly WorkQueueOptions OneWorker = new() { Concurrency = 1 };

    [Fact]
    public async Task Key_queued_twice_while_waiting_runs_once()
    {
        await using var harness = new QueueHarness(OneWorker);
        harness.Hold("blocker");
        harness.Queue.Add("blocker");
        await Eventually.TrueAsync(() => harness.Started.Contains("blocker"), "blocker started");

        harness.Queue.Add("a");
        harness.Queue.Add("a");
        harness.Queue.Add("b");
        harness.Queue.Add("a");
        Assert.Equal(2, harness.Queue.Depth);

        harness.Release("blocker");
        await Eventually.TrueAsync(() => harness.Finished.Count == 3, "three runs finished");

        Assert.Equal(["blocker", "a", "b"], harness.Started);
        Assert.Equal(1, harness.RunsOf("a"));
    }

    [Fact]
    public async Task Key_added_while_running_runs_again_afterwards_never_in_parallel()
    {
        await using var harness = new QueueHarness(new WorkQueueOptions { Concurrency = 4 });
        harness.Hold("a");
        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => harness.RunsOf("a") == 1, "first run of a started");

        harness.Queue.Add("a");
        harness.Queue.Add("a");
        harness.Release("a");
        await Eventually.TrueAsync(() => harness.Finished.Count(k => k == "a") == 2, "a ran a second time");

        Assert.Equal(2, harness.RunsOf("a"));
        Assert.Equal(0, harness.Overlapping);
    }

    [Fact]
    public async Task Many_adds_of_few_keys_never_overlap_one_key()
    {
        await using var harness = new QueueHarness(new WorkQueueOptions { Concurrency = 4 });
        string[] keys = ["a", "b", "c"];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                harness.Queue.Add(keys[i % keys.Length]);
            }
        })));
        await Eventually.TrueAsync(() => harness.Queue.Depth == 0 && harness.Started.Count == harness.Finished.Count, "queue drained");

        Assert.Equal(0, harness.Overlapping);
        Assert.All(keys, key => Assert.True(harness.RunsOf(key) >= 1));
    }

    [Fact]
    public async Task No_more_keys_run_at_once_than_the_concurrency_allows()
    {
        await using var harness = new QueueHarness(new WorkQueueOptions { Concurrency = 2 });
        var keys = Enumerable.Range(0, 6).Select(i => $"k{i}").ToArray();
        foreach (var key in keys)
        {
            harness.Hold(key);
            harness.Queue.Add(key);
        }

        await Eventually.TrueAsync(() => harness.Started.Count == 2, "two keys started");
        Assert.Equal(4, harness.Queue.Depth);

        foreach (var key in keys)
        {
            harness.Release(key);
        }

        await Eventually.TrueAsync(() => harness.Finished.Count == keys.Length, "every key ran");
        Assert.Equal(2, harness.MaxActive);
        Assert.Equal(0, harness.Queue.Depth);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_up_to_the_cap_and_success_resets_it()
    {
        var time = new ManualTimeProvider();
        var options = OneWorker with { Backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), Jitter: 0) };
        await using var harness = new QueueHarness(options, (_, run) => run is 5 ? WorkResult.Done : WorkResult.Failure("remote unreachable"), time);

        harness.Queue.Add("repo");
        for (var failures = 1; failures <= 4; failures++)
        {
            var expected = failures;
            await Eventually.TrueAsync(() => time.RequestedDelays.Count == expected, $"retry {expected} scheduled");
            time.Advance(time.RequestedDelays[^1]);
        }

        await Eventually.TrueAsync(() => harness.Finished.Count == 5, "fifth run finished");
        Assert.Equal([1, 2, 4, 5], time.RequestedDelays.Select(d => d.TotalSeconds));

        harness.Queue.Add("repo");
        await Eventually.TrueAsync(() => time.RequestedDelays.Count == 5, "retry after a new failure scheduled");
        Assert.Equal(TimeSpan.FromSeconds(1), time.RequestedDelays[^1]);
    }

    [Fact]
    public async Task A_failure_may_bring_its_own_backoff()
    {
        var time = new ManualTimeProvider();
        var ownBackoff = new Backoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), Jitter: 0);
        await using var harness = new QueueHarness(OneWorker, (_, _) => WorkResult.Failure("apply failed", ownBackoff), time);

        harness.Queue.Add("sync");
        await Eventually.TrueAsync(() => time.RequestedDelays.Count == 1, "retry scheduled");

        Assert.Equal(TimeSpan.FromSeconds(30), time.RequestedDelays[0]);
    }

    [Fact]
    public async Task A_handler_that_throws_is_retried_with_backoff()
    {
        var time = new ManualTimeProvider();
        await using var harness = new QueueHarness(OneWorker, (_, run) => run is 1 ? throw new InvalidOperationException("bug") : WorkResult.Done, time);

        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => time.RequestedDelays.Count == 1, "retry scheduled");
        time.Advance(time.RequestedDelays[0]);

        await Eventually.TrueAsync(() => harness.Finished.Count == 2, "second run finished");
        Assert.Equal(2, harness.RunsOf("a"));
    }

    [Fact]
    public async Task Success_with_requeue_runs_the_key_again_after_the_delay()
    {
        var time = new ManualTimeProvider();
        await using var harness = new QueueHarness(OneWorker, (_, _) => WorkResult.After(TimeSpan.FromMinutes(10)), time);

        harness.Queue.Add("sync");
        await Eventually.TrueAsync(() => time.RequestedDelays.Count == 1, "requeue scheduled");
        Assert.Equal(TimeSpan.FromMinutes(10), time.RequestedDelays[0]);
        Assert.Equal(1, harness.RunsOf("sync"));

        time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => harness.RunsOf("sync") == 2, "second run");
    }

    [Fact]
    public async Task Delayed_add_waits_for_its_time_and_the_earliest_schedule_wins()
    {
        var time = new ManualTimeProvider();
        await using var harness = new QueueHarness(OneWorker, time: time);

        harness.Queue.AddAfter("a", TimeSpan.FromMinutes(5));
        harness.Queue.AddAfter("a", TimeSpan.FromMinutes(1));
        harness.Queue.AddAfter("a", TimeSpan.FromMinutes(3));
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)], time.RequestedDelays);
        Assert.Equal(0, harness.Queue.Depth);

        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => harness.Finished.Count == 1, "a ran at the earlier time");

        time.Advance(TimeSpan.FromMinutes(10));
        harness.Queue.Add("b");
        await Eventually.TrueAsync(() => harness.Finished.Count == 2, "b ran");
        Assert.Equal(["a", "b"], harness.Started);
    }

    [Fact]
    public async Task Shutdown_lets_in_flight_work_finish_and_starts_nothing_new()
    {
        var harness = new QueueHarness(OneWorker);
        harness.Hold("a");
        harness.Queue.Add("a");
        harness.Queue.Add("b");
        await Eventually.TrueAsync(() => harness.Started.Count == 1, "a started");

        harness.Stop();
        harness.Queue.Add("c");
        Assert.False(harness.Running.IsCompleted);

        harness.Release("a");
        await harness.Running;
        Assert.Equal(["a"], harness.Finished);
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task Shutdown_cancels_in_flight_work_after_the_grace_period()
    {
        var harness = new QueueHarness(OneWorker with { ShutdownGracePeriod = TimeSpan.Zero });
        harness.Hold("a");
        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => harness.Started.Count == 1, "a started");

        harness.Stop();
        await harness.Running.WaitAsync(Eventually.Deadline);

        Assert.Equal(["a"], harness.Finished);
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task Abort_cancels_in_flight_work_at_once_without_the_grace_period()
    {
        using var abort = new CancellationTokenSource();
        var harness = new QueueHarness(OneWorker with { ShutdownGracePeriod = TimeSpan.FromHours(1), Abort = abort.Token });
        harness.Hold("a");
        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => harness.Started.Count == 1, "a started");

        await abort.CancelAsync();
        await harness.Running.WaitAsync(Eventually.Deadline);

        Assert.Equal(["a"], harness.Finished);
        await harness.DisposeAsync();
    }
}
