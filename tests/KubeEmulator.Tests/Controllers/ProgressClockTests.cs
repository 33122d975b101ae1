using KubeEmulator.Controllers;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class ProgressClockTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(10);

    private static V1ObjectMeta Meta(long generation) => new() { Name = "web", Uid = "uid-1", Generation = generation };

    [Fact]
    public void Delay_counts_from_when_a_generation_is_first_seen()
    {
        var time = new ManualClock();
        var clock = new ProgressClock(Delay, time);

        Assert.Equal(Delay, clock.Remaining(Meta(1)));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), clock.Remaining(Meta(1)));
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.Zero, clock.Remaining(Meta(1)));
    }

    [Fact]
    public void New_generation_starts_the_delay_again()
    {
        var time = new ManualClock();
        var clock = new ProgressClock(Delay, time);
        clock.Remaining(Meta(1));
        time.Advance(Delay);

        Assert.Equal(Delay, clock.Remaining(Meta(2)));
    }

    [Fact]
    public void Forgotten_object_starts_over()
    {
        var time = new ManualClock();
        var clock = new ProgressClock(Delay, time);
        clock.Remaining(Meta(1));
        time.Advance(Delay);

        clock.Forget(Meta(1));

        Assert.Equal(Delay, clock.Remaining(Meta(1)));
    }
}
