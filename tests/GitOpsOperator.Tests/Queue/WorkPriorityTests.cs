using GitOpsOperator.Queue;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Queue;

public sealed class WorkPriorityTests
{
    private static readonly WorkQueueOptions OneWorker = new() { Concurrency = 1 };

    [Fact]
    public async Task Normal_keys_run_before_low_ones_added_earlier()
    {
        await using var harness = new QueueHarness(OneWorker);
        harness.Hold("blocker");
        harness.Queue.Add("blocker");
        await Eventually.TrueAsync(() => harness.Started.Contains("blocker"), "blocker started");

        harness.Queue.Add("low-1", WorkPriority.Low);
        harness.Queue.Add("low-2", WorkPriority.Low);
        harness.Queue.Add("normal");
        Assert.Equal(3, harness.Queue.Depth);

        harness.Release("blocker");
        await Eventually.TrueAsync(() => harness.Finished.Count == 4, "four runs finished");

        Assert.Equal(["blocker", "normal", "low-1", "low-2"], harness.Started);
    }

    [Fact]
    public async Task A_low_key_added_normally_moves_up_once_and_never_down()
    {
        await using var harness = new QueueHarness(OneWorker);
        harness.Hold("blocker");
        harness.Queue.Add("blocker");
        await Eventually.TrueAsync(() => harness.Started.Contains("blocker"), "blocker started");

        harness.Queue.Add("a", WorkPriority.Low);
        harness.Queue.Add("b", WorkPriority.Low);
        harness.Queue.Add("b");
        harness.Queue.Add("c");
        harness.Queue.Add("c", WorkPriority.Low);
        Assert.Equal(3, harness.Queue.Depth);

        harness.Release("blocker");
        await Eventually.TrueAsync(() => harness.Finished.Count == 4, "four runs finished");

        Assert.Equal(["blocker", "b", "c", "a"], harness.Started);
        Assert.Equal(1, harness.RunsOf("b"));
    }

    [Fact]
    public async Task A_running_key_added_low_runs_again_afterwards_behind_normal_keys()
    {
        await using var harness = new QueueHarness(OneWorker);
        harness.Hold("a");
        harness.Queue.Add("a");
        await Eventually.TrueAsync(() => harness.Started.Contains("a"), "a started");

        harness.Queue.Add("a", WorkPriority.Low);
        harness.Queue.Add("b");
        harness.Release("a");
        await Eventually.TrueAsync(() => harness.Finished.Count == 3, "three runs finished");

        Assert.Equal(["a", "b", "a"], harness.Started);
    }
}
