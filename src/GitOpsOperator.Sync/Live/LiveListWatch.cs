using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Informers;

namespace GitOpsOperator.Sync.Live;

/// <summary>The live cache's list + watch (<see cref="JsonListWatch"/>) with each object kept as a <see cref="LiveObject"/>.</summary>
public sealed class LiveListWatch(IListWatchSource<JsonObject> json) : IListWatchSource<LiveObject>
{
    public string Description => json.Description;

    public async Task<ListedObjects<LiveObject>> ListAsync(CancellationToken cancellationToken)
    {
        var listed = await json.ListAsync(cancellationToken);
        return new ListedObjects<LiveObject>([.. listed.Items.Select(LiveObject.From)], listed.ResourceVersion);
    }

    public async IAsyncEnumerable<WatchEvent<LiveObject>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in json.WatchAsync(resourceVersion, cancellationToken))
        {
            yield return new WatchEvent<LiveObject>(change.Kind, change.Object is null ? null : LiveObject.From(change.Object), change.ResourceVersion, change.Error);
        }
    }

    public (string Namespace, string Name) KeyOf(LiveObject item) => (item.Identity.Namespace, item.Identity.Name);

    public string ResourceVersionOf(LiveObject item) => item.ResourceVersion;
}
