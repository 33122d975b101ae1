namespace KubeEmulator.Tests.Authentication;

/// <summary>The system clock, moved forward by hand: lets a test see what a cluster does once time has passed.</summary>
internal sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}
