using System.Globalization;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_writers_retrying_on_conflict_never_lose_an_update()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "counter" }, Data = new Dictionary<string, string> { ["n"] = "0" } }, "default");
        const int writers = 8;
        const int incrementsEach = 10;
        var conflicts = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (_, _) =>
        {
            for (var i = 0; i < incrementsEach; i++)
            {
                while (!await TryIncrementAsync(cluster.Client))
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        });

        var counter = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("counter", "default");
        Assert.Equal(writers * incrementsEach, int.Parse(counter.Data["n"], CultureInfo.InvariantCulture));
    }

    private static async Task<bool> TryIncrementAsync(IKubernetes client)
    {
        var current = await client.CoreV1.ReadNamespacedConfigMapAsync("counter", "default");
        current.Data["n"] = (int.Parse(current.Data["n"], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        try
        {
            await client.CoreV1.ReplaceNamespacedConfigMapAsync(current, "counter", "default");
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    [Fact]
    public async Task Concurrent_creates_of_distinct_objects_all_land()
    {
        await using var cluster = await Quiet.StartAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 100), async (i, ct) =>
            await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"cm-{i}" } }, "default", cancellationToken: ct));

        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        Assert.Equal(100, list.Items.Count);
        Assert.Equal(100, list.Items.Select(i => i.Metadata.ResourceVersion).Distinct().Count());
    }
}
