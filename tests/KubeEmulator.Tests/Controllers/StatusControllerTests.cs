using System.Runtime.CompilerServices;
using GitOpsOperator.Machinery.Informers;
using KubeEmulator.Controllers;
using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class StatusControllerTests
{
    private static V1ConfigMap Map(string name) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Uid = name, Generation = 1, ResourceVersion = "3" } };

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> QuietWatch(
        string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    [Fact]
    public async Task Object_is_decided_once_when_due_and_then_left_alone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var decisions = new List<bool>();
        var api = new KindApi<V1ConfigMap>(
            _ => Task.FromResult(new ListedObjects<V1ConfigMap>([Map("settled"), Map("waiting")], "3")),
            QuietWatch,
            (_, _, _) => throw new InvalidOperationException("not used"),
            (_, _) => throw new InvalidOperationException("nothing should be written"));
        var controller = new StatusController<V1ConfigMap, string>(
            api,
            new ControllerOptions { ReadyDelay = TimeSpan.FromMilliseconds(200) },
            _ => "as wanted",
            (map, _) => map,
            (map, due) =>
            {
                lock (decisions)
                {
                    decisions.Add(due);
                }

                return "as wanted";
            });

        var running = controller.RunAsync(cts.Token);
        while (Snapshot(decisions).Count(due => due) < 2)
        {
            await Task.Delay(20, cts.Token);
        }

        var settled = Snapshot(decisions);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cts.Token);

        Assert.Equal(settled, Snapshot(decisions));
        Assert.Equal(2, settled.Count(due => due));
        Assert.Equal([false, false], settled.Take(2));

        await cts.CancelAsync();
        await running;
    }

    private static List<bool> Snapshot(List<bool> decisions)
    {
        lock (decisions)
        {
            return [.. decisions];
        }
    }
}
