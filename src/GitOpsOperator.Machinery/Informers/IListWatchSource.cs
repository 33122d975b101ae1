namespace GitOpsOperator.Machinery.Informers;

/// <summary>
/// The two requests an informer makes for one collection (a kind, optionally in one namespace, optionally label-selected).
/// A refusal by the server (a non-2xx answer, an ERROR event in a watch) is thrown or yielded as a <see cref="ListWatchException"/>.
/// </summary>
public interface IListWatchSource<T>
    where T : class
{
    /// <summary>What is listed, for logs and conditions, e.g. <c>configmaps in namespace team-a</c>.</summary>
    string Description { get; }

    /// <summary>Lists the whole collection (every page) and the resourceVersion to watch from.</summary>
    Task<ListedObjects<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Watches from the resourceVersion (with bookmarks) until the server ends the watch.</summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, CancellationToken cancellationToken);

    /// <summary>The object's namespace ("" when cluster-scoped) and name.</summary>
    (string Namespace, string Name) KeyOf(T item);

    /// <summary>The object's metadata.resourceVersion ("" when it has none).</summary>
    string ResourceVersionOf(T item);
}
