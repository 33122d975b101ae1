using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Controllers;
using KubeEmulator.Introspection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class LiveCacheTests
{
    private static readonly ResourceType ConfigMaps = new(new GroupVersionKind("", "v1", "ConfigMap"), "configmaps", true);

    [Fact]
    public async Task Cache_resumes_after_watches_end_and_relists_when_its_version_is_gone()
    {
        var options = new EmulatorOptions { WatchHistorySize = 3, Controllers = new ControllerOptions { Enabled = false } };
        await using var cluster = await EmulatedCluster.StartAsync(options);
        await using var cache = new LiveObjectCache(new KubeApi((Kubernetes)cluster.CreateClient()), null, NullLoggerFactory.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Assert.Null(await cache.WatchAsync(ConfigMaps, Timeout, deadline.Token));
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

    [Fact]
    public async Task Cache_holds_only_managed_objects_of_the_watched_namespace()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } });
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-b" } });
        await using var cache = new LiveObjectCache(new KubeApi((Kubernetes)cluster.CreateClient()), "default", NullLoggerFactory.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await CreateAsync(cluster, "managed", deadline.Token);
        await CreateAsync(cluster, "unmanaged", deadline.Token, labelled: false);
        await CreateAsync(cluster, "elsewhere", deadline.Token, namespaceName: "team-b");

        Assert.Null(await cache.WatchAsync(ConfigMaps, Timeout, deadline.Token));
        await CreateAsync(cluster, "managed-later", deadline.Token);
        await CreateAsync(cluster, "unmanaged-later", deadline.Token, labelled: false);
        await WaitUntilAsync(() => cache.Get(Id("managed-later")) is not null, deadline.Token);

        Assert.NotNull(cache.Get(Id("managed")));
        Assert.Null(cache.Get(Id("unmanaged")));
        Assert.Null(cache.Get(Id("unmanaged-later")));
        Assert.Null(cache.Get(new ObjectIdentity("", "ConfigMap", "team-b", "elsewhere")));
    }

    [Fact]
    public async Task Refused_list_is_reported_at_once_with_the_servers_words_and_retried_until_granted()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } });
        await using var cache = new LiveObjectCache(new KubeApi((Kubernetes)cluster.CreateClient()), "default", NullLoggerFactory.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await CreateAsync(cluster, "managed", deadline.Token);
        var forbidden = cluster.Faults.Add(FaultRule.Forbidden("system:serviceaccount:gitops-system:gitops-operator", "list", "configmaps", "", "default"));

        var refused = await cache.WatchAsync(ConfigMaps, Timeout, deadline.Token);

        Assert.NotNull(refused);
        Assert.True(refused.IsAccessDenied);
        Assert.Contains(
            "configmaps is forbidden: User \"system:serviceaccount:gitops-system:gitops-operator\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"default\"",
            refused.ToString(), StringComparison.Ordinal);
        forbidden.Dispose();
        await WaitUntilAsync(() => cache.Get(Id("managed")) is not null, deadline.Token);
        Assert.Null(await cache.WatchAsync(ConfigMaps, Timeout, deadline.Token));
    }

    [Fact]
    public async Task List_that_does_not_complete_within_the_timeout_is_reported_instead_of_waited_for()
    {
        await using var cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } });
        await using var cache = new LiveObjectCache(new KubeApi((Kubernetes)cluster.CreateClient()), null, NullLoggerFactory.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var failing = cluster.Faults.Add(FaultRule.Fail(500, "list", "configmaps"));

        var failure = await cache.WatchAsync(ConfigMaps, TimeSpan.FromSeconds(2), deadline.Token);

        Assert.NotNull(failure);
        Assert.False(failure.IsAccessDenied);
        Assert.StartsWith("listing configmaps", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriber_that_throws_restarts_the_informer_with_a_new_list()
    {
        var options = new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } };
        await using var cluster = await EmulatedCluster.StartAsync(options);
        await using var cache = new LiveObjectCache(new KubeApi((Kubernetes)cluster.CreateClient()), null, NullLoggerFactory.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Assert.Null(await cache.WatchAsync(ConfigMaps, Timeout, deadline.Token));
        var thrown = 0;
        using var throwing = cache.Subscribe(change =>
        {
            if (change.Identity.Name == "poison" && Interlocked.Exchange(ref thrown, 1) == 0)
            {
                throw new InvalidOperationException("a subscriber's bug");
            }
        });

        await CreateAsync(cluster, "poison", deadline.Token);
        await WaitUntilAsync(() => cluster.Requests.Count("list", "configmaps") == 2, deadline.Token);
        Assert.Null(await cache.WatchAsync(ConfigMaps, Timeout, deadline.Token));
        await CreateAsync(cluster, "after-restart", deadline.Token);

        await WaitUntilAsync(() => cache.Get(Id("after-restart")) is not null, deadline.Token);
        Assert.NotNull(cache.Get(Id("poison")));
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static ObjectIdentity Id(string name) => new("", "ConfigMap", "default", name);

    private static Task CreateAsync(EmulatedCluster cluster, string name, CancellationToken cancellationToken, bool labelled = true, string namespaceName = "default")
    {
        var labels = labelled ? new Dictionary<string, string> { [GitSyncOwner.NameLabel] = "shop", [GitSyncOwner.NamespaceLabel] = "gitops-system" } : null;
        return cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, namespaceName, cancellationToken: cancellationToken);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
