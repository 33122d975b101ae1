using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Registry;
using KubeEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>
/// watch: a chunked stream of one JSON event per line. Changes after resourceVersion are replayed from history
/// (an ERROR event with a 410 Expired Status when they are gone); without one the current objects come first.
/// An object that starts or stops matching the selectors arrives as ADDED or DELETED.
/// </summary>
internal sealed class WatchEndpoint(ClusterState cluster)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public async Task WatchAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var request = context.Request;
        var selection = ObjectSelection.From(request);
        var table = AcceptHeader.WantsTable(request.Headers.Accept);
        var bookmarks = QueryOptions.Flag(request, "allowWatchBookmarks");
        var timeout = QueryOptions.Get(request, "timeoutSeconds") is { } seconds && int.TryParse(seconds, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : DefaultTimeout;

        context.Response.StatusCode = 200;
        context.Response.ContentType = Responses.Json;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, cluster.WatchEnd);
        stop.CancelAfter(timeout);
        WatchSubscription subscription;
        try
        {
            subscription = cluster.Store.Subscribe(served.StoreKey, route.Namespace, StartRevision(request));
        }
        catch (ApiException gone)
        {
            await WriteEventAsync(context, "ERROR", gone.ToStatus(), stop.Token);
            return;
        }

        using (subscription)
        {
            await context.Response.StartAsync(stop.Token);
            await StreamAsync(context, served, subscription, selection, table, bookmarks, stop.Token);
        }
    }

    private static long? StartRevision(HttpRequest request) => QueryOptions.Get(request, "resourceVersion") switch
    {
        null or "" or "0" => null,
        var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) => revision,
        var text => throw ApiException.BadRequest($"invalid resource version: {text}"),
    };

    private async Task StreamAsync(HttpContext context, ServedType served, WatchSubscription subscription, ObjectSelection selection, bool table, bool bookmarks, CancellationToken cancellationToken)
    {
        var lastRevision = cluster.Store.Revision;
        try
        {
            // Headers go out at once, as a real server sends them: clients wait for them before treating the watch as open.
            await context.Response.Body.FlushAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (bookmarks)
                {
                    wait.CancelAfter(cluster.Options.BookmarkInterval);
                }

                WatchEvent change;
                try
                {
                    change = await subscription.Events.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteEventAsync(context, "BOOKMARK", Bookmark(served, lastRevision), cancellationToken);
                    continue;
                }

                lastRevision = change.Revision;
                if (Visible(change, selection) is { } type)
                {
                    var obj = ObjectViews.InRequestedVersion(served, change.Object);
                    JsonNode shown = table
                        ? ObjectViews.Table(context.Request, served, [obj], obj.ResourceVersion(), null, cluster.Now)
                        : obj;
                    await WriteEventAsync(context, type, shown, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended: timeout, client gone, or EndAllWatches.
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // The subscription was closed with the cluster.
        }
    }

    private static string? Visible(WatchEvent change, ObjectSelection selection)
    {
        var now = selection.Matches(change.Object);
        if (change.Type != "MODIFIED")
        {
            return now ? change.Type : null;
        }

        var before = change.OldObject is { } old && selection.Matches(old);
        return (before, now) switch
        {
            (true, true) => "MODIFIED",
            (false, true) => "ADDED",
            (true, false) => "DELETED",
            _ => null,
        };
    }

    private static JsonObject Bookmark(ServedType served, long revision) => new()
    {
        ["kind"] = served.Type.Kind,
        ["apiVersion"] = served.Type.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
    };

    private static async Task WriteEventAsync(HttpContext context, string type, JsonNode obj, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
