using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Sync.Live;

/// <summary>
/// Keeps every object of one kind in memory: lists once, then watches from the list's resourceVersion with
/// bookmarks, resumes from the last version seen when a watch ends, and lists again when the server answers 410 Gone.
/// </summary>
internal sealed class KindInformer(KubeApi api, ResourceType resource, Action<LiveObjectEvent> publish)
{
    private const int PageSize = 500;
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Namespace, string Name), JsonObject> objects = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string resourceVersion = "";

    public ResourceType Resource => resource;

    public Task Synced => synced.Task;

    public JsonObject? Get(string ns, string name) => objects.GetValueOrDefault((ns, name));

    public IEnumerable<JsonObject> All => objects.Values;

    /// <summary>Takes an object the caller got from the server (an apply's answer) unless the cache already holds a newer one.</summary>
    public void Offer(JsonObject obj)
    {
        var key = Key(obj);
        objects.AddOrUpdate(key, obj, (_, held) => ObjectJson.IsOlder(held, obj) ? obj : held);
    }

    public void Forget(string ns, string name) => objects.TryRemove((ns, name), out _);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion.Length == 0 && !await ListAsync(cancellationToken))
                {
                    await Task.Delay(RetryDelay, cancellationToken);
                    continue;
                }

                await WatchAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private async Task<bool> ListAsync(CancellationToken cancellationToken)
    {
        var seen = new Dictionary<(string, string), JsonObject>();
        var next = "";
        string version;
        do
        {
            var query = $"{resource.CollectionPath(null)}?limit={PageSize}" + (next.Length > 0 ? $"&continue={Uri.EscapeDataString(next)}" : "");
            var page = await api.SendAsync(HttpMethod.Get, query, null, null, cancellationToken);
            if (!page.IsSuccess || page.Body is null)
            {
                return false;
            }

            foreach (var item in (page.Body["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                item["apiVersion"] = resource.Type.ApiVersion;
                item["kind"] = resource.Type.Kind;
                seen[Key(item)] = item;
            }

            version = page.Body["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";
            next = page.Body["metadata"]?["continue"]?.GetValue<string>() ?? "";
        }
        while (next.Length > 0);

        Replace(seen);
        resourceVersion = version;
        synced.TrySetResult();
        return true;
    }

    private void Replace(Dictionary<(string, string), JsonObject> seen)
    {
        foreach (var (key, gone) in objects.Where(pair => !seen.ContainsKey(pair.Key)).ToList())
        {
            objects.TryRemove(key, out _);
            publish(new LiveObjectEvent("DELETED", ObjectJson.Identity(gone), gone));
        }

        foreach (var (key, obj) in seen)
        {
            var held = objects.GetValueOrDefault(key);
            objects[key] = obj;
            if (held is null || ObjectJson.MetadataString(held, "resourceVersion") != ObjectJson.MetadataString(obj, "resourceVersion"))
            {
                publish(new LiveObjectEvent(held is null ? "ADDED" : "MODIFIED", ObjectJson.Identity(obj), obj));
            }
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var query = $"{resource.CollectionPath(null)}?watch=true&allowWatchBookmarks=true&timeoutSeconds={(int)WatchTimeout.TotalSeconds}&resourceVersion={Uri.EscapeDataString(resourceVersion)}";
        using var response = await api.OpenStreamAsync(query, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            resourceVersion = (int)response.StatusCode == 410 ? "" : resourceVersion;
            await Task.Delay(RetryDelay, cancellationToken);
            return;
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && !Handle(JsonNode.Parse(line) as JsonObject))
            {
                await Task.Delay(resourceVersion.Length == 0 ? TimeSpan.Zero : RetryDelay, cancellationToken);
                return;
            }
        }
    }

    /// <summary>Applies one watch event; false when the watch must end (an ERROR event).</summary>
    private bool Handle(JsonObject? change)
    {
        var type = change?["type"]?.GetValue<string>() ?? "";
        if (change?["object"] is not JsonObject obj)
        {
            return true;
        }

        if (type == "ERROR")
        {
            // 410 Gone: the version we resume from is compacted away; anything else: resume from it after a pause.
            var code = obj["code"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
            resourceVersion = code == 410 ? "" : resourceVersion;
            return false;
        }

        resourceVersion = ObjectJson.MetadataString(obj, "resourceVersion") is { Length: > 0 } version ? version : resourceVersion;
        if (type == "BOOKMARK")
        {
            return true;
        }

        obj["apiVersion"] ??= resource.Type.ApiVersion;
        obj["kind"] ??= resource.Type.Kind;
        if (type == "DELETED")
        {
            objects.TryRemove(Key(obj), out _);
        }
        else
        {
            objects[Key(obj)] = obj;
        }

        publish(new LiveObjectEvent(type, ObjectJson.Identity(obj), obj));
        return true;
    }

    private static (string, string) Key(JsonObject obj) =>
        (ObjectJson.MetadataString(obj, "namespace"), ObjectJson.MetadataString(obj, "name"));
}
