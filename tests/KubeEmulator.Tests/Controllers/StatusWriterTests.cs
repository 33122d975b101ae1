using System.Net;
using KubeEmulator.Controllers;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class StatusWriterTests
{
    private static V1ConfigMap Map(string resourceVersion, string? status) => new()
    {
        Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = "shop", ResourceVersion = resourceVersion },
        Data = status is null ? null : new Dictionary<string, string> { ["status"] = status },
    };

    private static HttpOperationException Failure(HttpStatusCode code) =>
        new($"status {(int)code}") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), "") };

    /// <summary>A ConfigMap's data stands in for a status: the writer only needs to read it and put it back.</summary>
    private static StatusWriter<V1ConfigMap, Dictionary<string, string>> Writer(
        Func<V1ConfigMap, Task<V1ConfigMap>> replace, Func<Task<V1ConfigMap>> get) =>
        new(
            new KindApi<V1ConfigMap>(
                _ => throw new InvalidOperationException("not used"),
                (_, _, _) => throw new InvalidOperationException("not used"),
                (_, _, _) => get(),
                (item, _) => replace(item)),
            map => map.Data is null ? null : new Dictionary<string, string>(map.Data),
            (map, status) => map with { Data = status });

    [Fact]
    public async Task Conflict_rereads_the_object_and_writes_again()
    {
        var written = new List<string>();
        var writer = Writer(
            item =>
            {
                written.Add(item.ResourceVersion());
                return written.Count == 1 ? throw Failure(HttpStatusCode.Conflict) : Task.FromResult(item);
            },
            () => Task.FromResult(Map("8", "old")));

        var wrote = await writer.WriteAsync(Map("7", "old"), _ => new Dictionary<string, string> { ["status"] = "ready" }, CancellationToken.None);

        Assert.True(wrote);
        Assert.Equal(["7", "8"], written);
    }

    [Fact]
    public async Task Status_already_as_wanted_is_not_written()
    {
        var writes = 0;
        var writer = Writer(item => { writes++; return Task.FromResult(item); }, () => throw new InvalidOperationException("not used"));

        var wrote = await writer.WriteAsync(Map("7", "ready"), _ => new Dictionary<string, string> { ["status"] = "ready" }, CancellationToken.None);

        Assert.False(wrote);
        Assert.Equal(0, writes);
    }

    [Fact]
    public async Task Object_deleted_meanwhile_is_left_alone()
    {
        var writer = Writer(_ => throw Failure(HttpStatusCode.NotFound), () => throw new InvalidOperationException("not used"));

        var wrote = await writer.WriteAsync(Map("7", "old"), _ => new Dictionary<string, string> { ["status"] = "ready" }, CancellationToken.None);

        Assert.False(wrote);
    }
}
