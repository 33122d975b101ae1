using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Sync.Live;

/// <summary>
/// Lists (in pages) and watches one kind as raw JSON, in one namespace or all, optionally label-selected: the requests
/// behind every informer of the operator.
/// </summary>
public sealed class JsonListWatch(KubeApi api, ResourceType resource, string? namespaceName, string? labelSelector) : IListWatchSource<JsonObject>
{
    private const int PageSize = 500;
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(5);

    public string Description =>
        resource.Plural + (resource.Type.Group.Length > 0 ? "." + resource.Type.Group : "")
        + (resource.Namespaced && namespaceName is not null ? $" in namespace {namespaceName}" : "")
        + (labelSelector is null ? "" : $" labelled {labelSelector}");

    public async Task<ListedObjects<JsonObject>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        var next = "";
        string version;
        do
        {
            var page = await api.SendAsync(HttpMethod.Get, Query($"limit={PageSize}" + (next.Length > 0 ? $"&continue={Uri.EscapeDataString(next)}" : "")), null, null, cancellationToken);
            if (!page.IsSuccess || page.Body is null)
            {
                throw new ListWatchException(page.StatusCode, page.Message);
            }

            foreach (var item in (page.Body["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                items.Add(Typed(item));
            }

            version = page.Body["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";
            next = page.Body["metadata"]?["continue"]?.GetValue<string>() ?? "";
        }
        while (next.Length > 0);

        return new ListedObjects<JsonObject>(items, version);
    }

    public async IAsyncEnumerable<WatchEvent<JsonObject>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = Query($"watch=true&allowWatchBookmarks=true&timeoutSeconds={(int)WatchTimeout.TotalSeconds}&resourceVersion={Uri.EscapeDataString(resourceVersion)}");
        using var response = await api.OpenStreamAsync(query, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var refusal = await KubeApi.ReadResultAsync(response, cancellationToken);
            throw new ListWatchException(refusal.StatusCode, refusal.Message);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonNode.Parse(line) is JsonObject change)
            {
                yield return Event(change);
            }
        }
    }

    public (string Namespace, string Name) KeyOf(JsonObject item) =>
        (ObjectJson.MetadataString(item, "namespace"), ObjectJson.MetadataString(item, "name"));

    public string ResourceVersionOf(JsonObject item) => ObjectJson.MetadataString(item, "resourceVersion");

    private WatchEvent<JsonObject> Event(JsonObject change)
    {
        var obj = change["object"] as JsonObject ?? [];
        var type = change["type"]?.GetValue<string>() ?? "";
        if (type == "ERROR")
        {
            var code = obj["code"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
            return new WatchEvent<JsonObject>(WatchEventKind.Error, null, "", new ListWatchException(code, obj["message"]?.GetValue<string>() ?? $"watch error {code}"));
        }

        var kind = type switch
        {
            "ADDED" => WatchEventKind.Added,
            "DELETED" => WatchEventKind.Deleted,
            "BOOKMARK" => WatchEventKind.Bookmark,
            _ => WatchEventKind.Modified,
        };
        return new WatchEvent<JsonObject>(kind, kind == WatchEventKind.Bookmark ? null : Typed(obj), ResourceVersionOf(obj));
    }

    private JsonObject Typed(JsonObject item)
    {
        item["apiVersion"] ??= resource.Type.ApiVersion;
        item["kind"] ??= resource.Type.Kind;
        return item;
    }

    private string Query(string parameters) =>
        $"{resource.CollectionPath(namespaceName)}?{parameters}" + (labelSelector is null ? "" : $"&labelSelector={Uri.EscapeDataString(labelSelector)}");
}
