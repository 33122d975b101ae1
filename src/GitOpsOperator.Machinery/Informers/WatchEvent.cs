namespace GitOpsOperator.Machinery.Informers;

/// <summary>The kinds of event a watch stream carries.</summary>
public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}

/// <summary>One watch event: an object (Added, Modified, Deleted), a resourceVersion (Bookmark) or the server's error (Error).</summary>
public sealed record WatchEvent<T>(WatchEventKind Kind, T? Object, string ResourceVersion, ListWatchException? Error = null)
    where T : class;
