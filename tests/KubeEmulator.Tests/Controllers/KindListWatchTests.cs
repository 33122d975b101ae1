using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GitOpsOperator.Machinery.Informers;
using KubeEmulator.Controllers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeEmulator.Tests.Controllers;

/// <summary>The simulated controllers' kind APIs, read through the shared informer.</summary>
public class KindListWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static V1ConfigMap Map(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", ResourceVersion = resourceVersion } };

    /// <summary>A fake API: lists come from a queue of answers, each watch runs the next script.</summary>
    private sealed class FakeApi
    {
        public ConcurrentQueue<Func<ListedObjects<V1ConfigMap>>> Lists { get; } = new();

        public ConcurrentQueue<Func<Action<Exception>, IEnumerable<(WatchEventType, V1ConfigMap)>>> Watches { get; } = new();

        public ConcurrentQueue<string> WatchedFrom { get; } = new();

        public int ListCalls;

        public KindApi<V1ConfigMap> Api => new(
            _ =>
            {
                Interlocked.Increment(ref ListCalls);
                return Task.FromResult(Lists.TryDequeue(out var next) ? next() : new ListedObjects<V1ConfigMap>([], "1"));
            },
            WatchAsync,
            (_, _, _) => throw new InvalidOperationException("not used"),
            (_, _) => throw new InvalidOperationException("not used"));

        private async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> WatchAsync(
            string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            WatchedFrom.Enqueue(resourceVersion);
            if (!Watches.TryDequeue(out var script))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                yield break;
            }

            foreach (var change in script(onError))
            {
                yield return change;
            }
        }
    }

    private static Informer<V1ConfigMap> InformerOver(FakeApi fake) =>
        new(new KindListWatch<V1ConfigMap>(fake.Api), NullLogger.Instance, new InformerOptions { MinBackoff = TimeSpan.FromMilliseconds(10) });

    private static async Task Eventually(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    [Fact]
    public async Task Watch_that_ends_is_resumed_from_the_last_resource_version_seen()
    {
        using var cts = new CancellationTokenSource(Patience);
        var fake = new FakeApi();
        fake.Lists.Enqueue(() => new ListedObjects<V1ConfigMap>([Map("a", "5")], "5"));
        fake.Watches.Enqueue(_ => [(WatchEventType.Modified, Map("a", "6")), (WatchEventType.Added, Map("b", "7"))]);
        var seen = new ConcurrentQueue<string>();
        var informer = InformerOver(fake);

        var running = informer.RunAsync(
            (_, item) => seen.Enqueue($"{item.Name()}@{item.ResourceVersion()}"), item => seen.Enqueue($"{item.Name()} deleted"), cts.Token);
        await Eventually(() => fake.WatchedFrom.Count == 2, cts.Token);

        Assert.Equal(["5", "7"], fake.WatchedFrom);
        Assert.Equal(1, fake.ListCalls);
        Assert.Equal(["a@5", "a@6", "b@7"], seen);
        Assert.NotNull(informer.Get("shop", "b"));
        await cts.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Watch_error_starts_over_with_a_fresh_list_that_reports_what_vanished()
    {
        using var cts = new CancellationTokenSource(Patience);
        var fake = new FakeApi();
        fake.Lists.Enqueue(() => new ListedObjects<V1ConfigMap>([Map("a", "5"), Map("b", "5")], "5"));
        fake.Lists.Enqueue(() => new ListedObjects<V1ConfigMap>([Map("a", "5")], "20"));
        fake.Watches.Enqueue(onError =>
        {
            onError(new KubernetesException(new V1Status { Code = 410, Reason = "Expired" }));
            return [];
        });
        var seen = new ConcurrentQueue<string>();
        var informer = InformerOver(fake);

        var running = informer.RunAsync((_, item) => seen.Enqueue(item.Name()), item => seen.Enqueue($"{item.Name()} deleted"), cts.Token);
        await Eventually(() => fake.WatchedFrom.Count == 2, cts.Token);

        Assert.Equal(2, fake.ListCalls);
        Assert.Equal(["5", "20"], fake.WatchedFrom);
        Assert.Equal(["a", "b", "b deleted"], seen);
        Assert.Null(informer.Get("shop", "b"));
        await cts.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Failed_list_is_tried_again_until_the_cache_syncs()
    {
        using var cts = new CancellationTokenSource(Patience);
        var fake = new FakeApi();
        fake.Lists.Enqueue(() => throw new HttpRequestException("connection refused"));
        fake.Lists.Enqueue(() => new ListedObjects<V1ConfigMap>([Map("a", "3")], "3"));
        var informer = InformerOver(fake);

        var running = informer.RunAsync((_, _) => { }, _ => { }, cts.Token);
        await informer.WaitUntilSyncedAsync(cts.Token);

        Assert.Equal(2, fake.ListCalls);
        Assert.NotNull(informer.Get("shop", "a"));
        await cts.CancelAsync();
        await running;
    }
}
