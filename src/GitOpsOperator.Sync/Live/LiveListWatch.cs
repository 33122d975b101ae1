using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Informers;

namespace GitOpsOperator.Sync.Live;

/// <summary>
/// The live cache's list + watch (<see cref="JsonListWatch"/>) with each object kept as a <see cref="LiveObject"/>. An
/// object the cache already holds at the same resourceVersion (a write's answer it was offered) is reused as it is.
/// </summary>
public sealed class LiveListWatch(IListWatchSource<JsonObject> json, Func<string, string, LiveObject?> held) : IListWatchSource<LiveObject>
{
    public string Description => json.Description;

    public async Task<ListedObjects<LiveObject>> ListAsync(CancellationToken cancellationToken)
    {
        var listed = await json.ListAsync(cancellationToken);
        return new ListedObjects<LiveObject>([.. listed.Items.Select(Keep)], listed.ResourceVersion);
    }

    public async IAsyncEnumerable<WatchEvent<LiveObject>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in json.WatchAsync(resourceVersion, cancellationToken))
        {
            yield return new WatchEvent<LiveObject>(change.Kind, change.Object is null ? null : Keep(change.Object), change.ResourceVersion, change.Error);
        }
    }

    public (string Namespace, string Name) KeyOf(LiveObject item) => (item.Identity.Namespace, item.Identity.Name);

    public string ResourceVersionOf(LiveObject item) => item.ResourceVersion;

    private LiveObject Keep(JsonObject obj)
    {
        var (namespaceName, name) = json.KeyOf(obj);
        return held(namespaceName, name) is { } same && same.ResourceVersion == json.ResourceVersionOf(obj) && same.ResourceVersion.Length > 0
            ? same
            : LiveObject.From(obj);
    }
}
