using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Controllers;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class LiveCacheTests
{
    private static readonly ResourceType ConfigMaps = new(new GroupVersionKind("", "v1", "ConfigMap"), "configmaps", true);

    [Fact]
    public async Task Cache_resumes_after_watches_end_and_relists_when_its_version_is_gone()
    {
        var options = new EmulatorOptions { WatchHistorySize = 3, Controllers = new ControllerOptions { Enabled = false } };
        await using var cluster = await EmulatedCluster.StartAsync(options);
        await using var cache = new LiveObjectCache(new KubeApi((Kubernetes)cluster.CreateClient()));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await cache.WatchAsync(ConfigMaps, deadline.Token);
        var heard = 0;
        using var counting = cache.Subscribe(_ => Interlocked.Increment(ref heard));

        cluster.EndAllWatches();
        await CreateAsync(cluster, "after-resume", deadline.Token);
        await WaitUntilAsync(() => cache.Get(Id("after-resume")) is not null, deadline.Token);
        using (cluster.Faults.Add(FaultRule.Fail(500, "watch", "configmaps")))
        {
            cluster.EndAllWatches();
            for (var i = 0; i < 10; i++)
            {
                await CreateAsync(cluster, $"burst-{i}", deadline.Token);
            }
        }

        await WaitUntilAsync(() => cache.Get(Id("burst-9")) is not null && cache.Get(Id("burst-0")) is not null, deadline.Token);
        Assert.True(Volatile.Read(ref heard) >= 11);
        Assert.Equal(2, cluster.Requests.Count("list", "configmaps"));
    }

    private static ObjectIdentity Id(string name) => new("", "ConfigMap", "default", name);

    private static Task CreateAsync(EmulatedCluster cluster, string name, CancellationToken cancellationToken) =>
        cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default", cancellationToken: cancellationToken);

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
