using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using GitOpsOperator.Machinery.Informers;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// One kind's list and watch (<see cref="KindApi{T}"/>) as the source of the shared <see cref="Informer{T}"/>. A watch
/// error the server sends (such as 410 Gone) becomes an Error event; any other failure of the stream is rethrown,
/// so the informer lists again.
/// </summary>
internal sealed class KindListWatch<T>(KindApi<T> api) : IListWatchSource<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public string Description { get; } = $"{typeof(T).Name} in all namespaces";

    public Task<ListedObjects<T>> ListAsync(CancellationToken cancellationToken) => api.List(cancellationToken);

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? failure = null;
        await foreach (var (type, item) in api.Watch(resourceVersion, e => failure ??= e, cancellationToken).ConfigureAwait(false))
        {
            if (failure is not null)
            {
                break;
            }

            yield return new WatchEvent<T>(KindOf(type), item, item.ResourceVersion() ?? "");
        }

        switch (failure)
        {
            case KubernetesException refused:
                yield return new WatchEvent<T>(
                    WatchEventKind.Error, null, "", new ListWatchException(refused.Status?.Code ?? 0, refused.Message));
                break;
            case not null:
                ExceptionDispatchInfo.Throw(failure);
                break;
            default:
                break;
        }
    }

    public (string Namespace, string Name) KeyOf(T item) => (item.Namespace() ?? "", item.Name() ?? "");

    public string ResourceVersionOf(T item) => item.ResourceVersion() ?? "";

    private static WatchEventKind KindOf(WatchEventType type) => type switch
    {
        WatchEventType.Added => WatchEventKind.Added,
        WatchEventType.Modified => WatchEventKind.Modified,
        WatchEventType.Deleted => WatchEventKind.Deleted,
        WatchEventType.Bookmark => WatchEventKind.Bookmark,
        _ => WatchEventKind.Error,
    };
}
