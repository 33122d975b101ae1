using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

public sealed class WatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static Task<V1ConfigMap> CreateAsync(IKubernetes client, string name) =>
        client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = "0" } }, "default");

    private static async Task<List<(WatchEventType Type, string Name, string Version)>> CollectAsync(
        IKubernetes client, string? resourceVersion, int count, Action<Exception>? onError = null)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var events = new List<(WatchEventType, string, string)>();
        try
        {
            await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: resourceVersion, onError: onError, cancellationToken: timeout.Token))
            {
                events.Add((type, item.Metadata.Name, item.Metadata.ResourceVersion));
                if (events.Count == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The deadline passed: the assertions tell what was missing.
        }

        return events;
    }

    [Fact]
    public async Task Watch_resumed_from_a_resource_version_replays_later_changes_in_order()
    {
        await using var cluster = await Quiet.StartAsync();
        var first = await CreateAsync(cluster.Client, "a");
        var second = await CreateAsync(cluster.Client, "b");
        second.Data["v"] = "1";
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(second, "b", "default");
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default");

        var events = await CollectAsync(cluster.Client, first.Metadata.ResourceVersion, 3);

        Assert.Equal([(WatchEventType.Added, "b"), (WatchEventType.Modified, "b"), (WatchEventType.Deleted, "a")], events.Select(e => (e.Type, e.Name)));
    }

    [Fact]
    public async Task Watch_without_a_resource_version_starts_with_the_current_objects()
    {
        await using var cluster = await Quiet.StartAsync();
        await CreateAsync(cluster.Client, "a");
        await CreateAsync(cluster.Client, "b");

        var events = await CollectAsync(cluster.Client, null, 2);

        Assert.Equal([(WatchEventType.Added, "a"), (WatchEventType.Added, "b")], events.Select(e => (e.Type, e.Name)));
    }

    [Fact]
    public async Task Watch_from_a_version_older_than_the_history_gets_410_gone()
    {
        await using var cluster = await EmulatedCluster.StartAsync(Quiet.Options with { WatchHistorySize = 3 });
        var first = await CreateAsync(cluster.Client, "a");
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(cluster.Client, $"later-{i}");
        }

        Exception? error = null;
        await CollectAsync(cluster.Client, first.Metadata.ResourceVersion, 1, e => error = e);

        var gone = Assert.IsType<KubernetesException>(error);
        Assert.Equal(410, gone.Status.Code);
        Assert.Equal("Expired", gone.Status.Reason);
    }

    [Fact]
    public async Task Every_watcher_sees_every_change_once_in_order()
    {
        await using var cluster = await Quiet.StartAsync();
        var start = cluster.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const int changes = 40;
        var watchers = Enumerable.Range(0, 3).Select(_ => CollectAsync(cluster.Client, start, changes)).ToList();

        await Parallel.ForEachAsync(Enumerable.Range(0, changes), async (i, _) => await CreateAsync(cluster.Client, $"cm-{i}"));
        var seen = await Task.WhenAll(watchers);

        foreach (var events in seen)
        {
            Assert.Equal(changes, events.Count);
            Assert.Equal(changes, events.Select(e => e.Name).Distinct().Count());
            var versions = events.Select(e => long.Parse(e.Version)).ToList();
            Assert.Equal(versions.Order(), versions);
        }
    }

    [Fact]
    public async Task Watch_with_bookmarks_allowed_gets_a_bookmark_carrying_the_current_version()
    {
        await using var cluster = await EmulatedCluster.StartAsync(Quiet.Options with { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        await CreateAsync(cluster.Client, "a");
        using var http = new HttpClient { Timeout = Deadline };
        var version = cluster.ResourceVersion;

        using var response = await http.GetAsync($"{cluster.Url}/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion={version}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var line = await reader.ReadLineAsync().WaitAsync(Deadline);

        Assert.Contains("\"type\":\"BOOKMARK\"", line);
        Assert.Contains($"\"resourceVersion\":\"{version}\"", line);
    }

    [Fact]
    public async Task Watch_with_a_label_selector_sees_an_object_leave_the_selection_as_deleted()
    {
        await using var cluster = await Quiet.StartAsync();
        var start = cluster.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", Labels = new Dictionary<string, string> { ["tier"] = "web" } } }, "default");
        created.Metadata.Labels["tier"] = "db";
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default");
        using var timeout = new CancellationTokenSource(Deadline);

        var events = new List<WatchEventType>();
        await foreach (var (type, _) in cluster.Client.CoreV1.WatchListNamespacedConfigMapAsync("default", labelSelector: "tier=web", resourceVersion: start, cancellationToken: timeout.Token))
        {
            events.Add(type);
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted], events);
    }

    [Fact]
    public async Task Watch_ends_when_the_cluster_ends_all_watches()
    {
        await using var cluster = await Quiet.StartAsync();
        var closed = new TaskCompletionSource();
        using var watcher = cluster.Client.CoreV1.WatchListNamespacedConfigMap("default", onEvent: (_, _) => { }, onClosed: () => closed.TrySetResult());
        await WaitForWatchersAsync(cluster, 1);

        using var timeout = new CancellationTokenSource(Deadline);
        while (!closed.Task.IsCompleted)
        {
            cluster.EndAllWatches();
            await Task.WhenAny(closed.Task, Task.Delay(200, timeout.Token));
        }
    }

    private static async Task WaitForWatchersAsync(EmulatedCluster cluster, int count)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (cluster.Requests.Count("watch", "configmaps") < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
