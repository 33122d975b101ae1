using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Informers;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Controllers;

/// <summary>The operator's list + watch (<see cref="Sync.Live.JsonListWatch"/>) with each object read as one of our typed kinds.</summary>
public sealed class TypedListWatch<T>(IListWatchSource<JsonObject> json) : IListWatchSource<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public string Description => json.Description;

    public async Task<ListedObjects<T>> ListAsync(CancellationToken cancellationToken)
    {
        var listed = await json.ListAsync(cancellationToken).ConfigureAwait(false);
        return new ListedObjects<T>([.. listed.Items.Select(Read)], listed.ResourceVersion);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in json.WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false))
        {
            yield return new WatchEvent<T>(change.Kind, change.Object is null ? null : Read(change.Object), change.ResourceVersion, change.Error);
        }
    }

    public (string Namespace, string Name) KeyOf(T item) => (item.Metadata.NamespaceProperty ?? "", item.Metadata.Name ?? "");

    public string ResourceVersionOf(T item) => item.Metadata.ResourceVersion ?? "";

    private static T Read(JsonObject item) => KubernetesJson.Deserialize<T>(item.ToJsonString());
}
