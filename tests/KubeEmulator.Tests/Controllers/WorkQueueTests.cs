using KubeEmulator.Controllers;

namespace KubeEmulator.Tests.Controllers;

public class WorkQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Key_added_twice_while_waiting_is_handed_out_once()
    {
        using var cts = new CancellationTokenSource(Patience);
        var queue = new WorkQueue(TimeProvider.System);

        queue.Add("shop/web");
        queue.Add("shop/web");
        queue.Add("shop/api");

        Assert.Equal("shop/web", await queue.TakeAsync(cts.Token));
        Assert.Equal("shop/api", await queue.TakeAsync(cts.Token));
        queue.Add("shop/last");
        Assert.Equal("shop/last", await queue.TakeAsync(cts.Token));
    }

    [Fact]
    public async Task Key_taken_can_be_added_again()
    {
        using var cts = new CancellationTokenSource(Patience);
        var queue = new WorkQueue(TimeProvider.System);
        queue.Add("shop/web");
        await queue.TakeAsync(cts.Token);

        queue.Add("shop/web");

        Assert.Equal("shop/web", await queue.TakeAsync(cts.Token));
    }

    [Fact]
    public async Task Delayed_key_arrives_once_even_when_asked_for_repeatedly()
    {
        using var cts = new CancellationTokenSource(Patience);
        var queue = new WorkQueue(TimeProvider.System);

        queue.AddAfter("shop/web", TimeSpan.FromMilliseconds(50), cts.Token);
        queue.AddAfter("shop/web", TimeSpan.FromMilliseconds(80), cts.Token);

        Assert.Equal("shop/web", await queue.TakeAsync(cts.Token));
        await Task.Delay(TimeSpan.FromMilliseconds(300), cts.Token);
        queue.Add("shop/marker");
        Assert.Equal("shop/marker", await queue.TakeAsync(cts.Token));
    }
}
